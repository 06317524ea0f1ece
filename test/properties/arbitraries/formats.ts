import fc from 'fast-check';

// Valid values of the formatted fields, as a caller might type them (mixed case, surrounding blanks).

const blank = fc.constantFrom('', ' ', '\t', ' \n');
const padded = (value: fc.Arbitrary<string>) =>
  fc.tuple(blank, value, blank).map(([before, core, after]) => `${before}${core}${after}`);

/** Addresses z.email() takes, in any case; the DTO trims and lower-cases them. */
export const emailAddress = () =>
  padded(
    fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_+-]{0,15}(\.[A-Za-z0-9_+-]{1,8})?$/),
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,12}$/),
        fc.stringMatching(/^[A-Za-z]{2,6}$/),
      )
      .map(([local, domain, tld]) => `${local}@${domain}.${tld}`),
  );

export const slugValue = () =>
  fc
    .stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,3}$/)
    .filter((value) => value.length >= 2 && value.length <= 64);

/** `resource:action` permissions (admin roles). */
export const permissionValue = () => fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}(:[a-z0-9_*-]{1,12}){0,2}$/);

/** Dotted lower-case notification types such as `invite.accepted`. */
export const notificationTypeValue = () => fc.stringMatching(/^[a-z0-9]{1,10}([._-][a-z0-9]{1,10}){0,3}$/);

export const e164Phone = () => fc.stringMatching(/^\+[1-9]\d{6,14}$/);

export const httpsUrl = () =>
  fc
    .webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true })
    .filter((url) => url.length <= 2048);

export const ipAddress = () => fc.oneof(fc.ipV4(), fc.ipV6());
