import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@quizbook/platform';

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;

/**
 * Where Checkout sends the browser back. Nothing is fulfilled here: only the signed webhook counts,
 * since anyone can open these URLs.
 */
@Public()
@Controller('checkout')
export class CheckoutReturnController {
  @Get('complete')
  @Header('content-type', 'text/html; charset=utf-8')
  complete() {
    return page('Thank you', 'Your payment is being confirmed; your order updates in a moment.');
  }

  @Get('cancelled')
  @Header('content-type', 'text/html; charset=utf-8')
  cancelled() {
    return page(
      'Checkout left',
      'Nothing was charged. You can return to your order and pay while the seats are held.',
    );
  }
}
