import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwkInvalidKtyError,
  JwkInvalidUseError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  JwkValidationError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  ParameterValidationError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import { InvalidTokenError, type InvalidTokenReason } from './invalid-token-error';

// Order matters only where classes inherit: every entry here is a leaf of aws-jwt-verify's hierarchy.
const reasons: [new (...args: never[]) => Error, InvalidTokenReason][] = [
  [JwtParseError, 'malformed'],
  [JwtInvalidSignatureAlgorithmError, 'algorithm-not-allowed'],
  [JwtInvalidSignatureError, 'bad-signature'],
  [JwtWithoutValidKidError, 'unknown-key'],
  [KidNotFoundInJwksError, 'unknown-key'],
  // The penalty box after an unknown kid: the set is not fetched again for a while.
  [WaitPeriodNotYetEndedJwkError, 'unknown-key'],
  [FetchError, 'keys-unavailable'],
  [JwksValidationError, 'keys-unavailable'],
  [JwkValidationError, 'keys-unavailable'],
  [JwkInvalidUseError, 'keys-unavailable'],
  [JwkInvalidKtyError, 'keys-unavailable'],
  [JwksNotAvailableInCacheError, 'keys-unavailable'],
  [JwtExpiredError, 'expired'],
  [JwtNotBeforeError, 'not-yet-valid'],
  [JwtInvalidIssuerError, 'wrong-issuer'],
  // The Cognito verifier knows two issuer spellings per pool and looks the token's `iss` up among
  // them; an `iss` it does not know (or none) surfaces as this rather than JwtInvalidIssuerError.
  [ParameterValidationError, 'wrong-issuer'],
  [JwtInvalidAudienceError, 'wrong-audience'],
  [CognitoJwtInvalidClientIdError, 'wrong-audience'],
  [CognitoJwtInvalidTokenUseError, 'wrong-token-use'],
];

/** Whatever verification threw, as the single error callers handle. */
export function asInvalidToken(error: unknown): InvalidTokenError {
  if (error instanceof InvalidTokenError) return error;
  const match = reasons.find(([type]) => error instanceof type);
  return new InvalidTokenError(match?.[1] ?? 'invalid');
}
