export * from './access-token.guard';
export * from './auth.module';
export * from './current-principal.decorator';
export * from './roles.decorator';
export * from './tokens';
import './request-principal';
