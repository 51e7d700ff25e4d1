import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseRawMail, type ReceivedMail } from './raw-mail';

/** A real SMTP listener on 127.0.0.1 for the specs: records what it accepts, can refuse, can stop and restart. */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  /** While set, every DATA is answered with a temporary failure (451). */
  refusing = false;
  private server: SMTPServer | undefined;
  private boundPort = 0;

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.boundPort}`;
  }

  /** Listens on `port`, or a free one the first time; a restart reuses the first port. */
  async start(port = this.boundPort): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      // Without STARTTLS nodemailer stays on plain text instead of failing on the self-signed certificate.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.refusing) {
            const error = Object.assign(new Error('try again later'), { responseCode: 451 });
            callback(error);
            return;
          }
          this.received.push(parseRawMail(Buffer.concat(chunks).toString('utf8')));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.boundPort = (server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
