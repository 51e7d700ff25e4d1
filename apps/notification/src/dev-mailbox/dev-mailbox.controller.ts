import { Controller, Get, Header, Inject, Param, ParseIntPipe } from '@nestjs/common';
import { notFound, Public } from '@quizbook/platform';
import type { DevMailbox, MailboxEntry, StoredMail } from '../mail/dev-mailbox';
import type { NotificationServices } from '../notification-services';
import { NOTIFICATION_SERVICES } from '../notification-tokens';

/**
 * The embedded default's outbox, for people trying Quizbook locally: no token, because it only exists
 * when MAIL_URL=devmailbox: (with SMTP every route here is 404), and that is never production.
 */
@Public()
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(@Inject(NOTIFICATION_SERVICES) private readonly services: NotificationServices) {}

  @Get()
  list(): Promise<MailboxEntry[]> {
    return this.mailbox().list();
  }

  @Get(':id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<StoredMail> {
    const mail = await this.mailbox().get(id);
    if (!mail) throw notFound('There is no such mail in the dev mailbox.');
    return mail;
  }

  /** The HTML part as a browser shows it; scripts and remote loads stay off. */
  @Get(':id/html')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  async html(@Param('id', ParseIntPipe) id: number): Promise<string> {
    return (await this.get(id)).html;
  }

  private mailbox(): DevMailbox {
    if (!this.services.devMailbox) throw notFound('The dev mailbox exists only with MAIL_URL=devmailbox:.');
    return this.services.devMailbox;
  }
}
