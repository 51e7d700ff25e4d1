import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

export const templateNames = [
  'welcome',
  'booking-confirmed',
  'payment-failed',
  'refund-issued',
  'quiz-score-digest',
] as const;
export type TemplateName = (typeof templateNames)[number];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Compiled = (model: object) => string;

/**
 * The templates live as files next to the app (`apps/notification/templates`). From the build
 * (`dist/apps/notification/src/templating`) they are found either copied beside the build or, when
 * run from the checkout, back in the source folder.
 */
export function defaultTemplatesDir(): string {
  const candidates = [
    path.resolve(__dirname, '../../templates'),
    path.resolve(__dirname, '../../../../../apps/notification/templates'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'welcome.subject.hbs')));
  if (!found) throw new Error(`notification templates not found in ${candidates.join(' or ')}`);
  return found;
}

/**
 * Every template compiled once at start, so a missing or broken file stops the app instead of the
 * first email. HTML parts escape what they interpolate; subject and text parts are not HTML, so they
 * don't (an `&` in a course title stays an `&`). Strict: a field the model lacks is an error, not a blank.
 */
export class MailTemplates {
  private readonly compiled = new Map<string, Compiled>();

  constructor(dir: string = defaultTemplatesDir()) {
    const handlebars = Handlebars.create();
    handlebars.registerHelper('money', (cents: number, currency: string) =>
      new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100),
    );
    for (const name of templateNames) {
      for (const part of ['subject', 'text', 'html'] as const) {
        const source = readFileSync(path.join(dir, `${name}.${part}.hbs`), 'utf8');
        const template = handlebars.compile(source, { strict: true, noEscape: part !== 'html' });
        this.compiled.set(`${name}.${part}`, (model) => template(model));
      }
    }
  }

  render(name: TemplateName, model: object): RenderedMail {
    const part = (kind: keyof RenderedMail) => this.compiled.get(`${name}.${kind}`)!(model);
    // A subject is one header line: template line breaks must not become header folding or injection.
    return { subject: part('subject').replace(/\s+/g, ' ').trim(), text: part('text'), html: part('html') };
  }
}
