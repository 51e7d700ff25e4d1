// Says up front which integration suites cannot run and why; under CI a missing service is a failure,
// because a green run that silently skipped MySQL or Redis would prove nothing about them.
const services = [
  { name: 'MySQL', variable: 'MYSQL_URL', example: 'mysql://root@127.0.0.1:3306/quizbook_test' },
  { name: 'Redis', variable: 'REDIS_URL', example: 'redis://127.0.0.1:6379/15' },
];

module.exports = async function announceSuites() {
  const missing = services.filter((service) => !process.env[service.variable]);
  for (const service of missing) {
    process.stdout.write(
      `\n[quizbook] ${service.name} suites skipped: ${service.variable} is not set (e.g. ${service.variable}=${service.example})\n`,
    );
  }
  if (missing.length > 0 && process.env.CI === 'true') {
    throw new Error(
      `CI=true but ${missing.map((s) => s.variable).join(', ')} not set: the MySQL/Redis suites must run in CI`,
    );
  }
};
