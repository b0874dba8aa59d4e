/** Length limits shared by the schemas, the forms and the columns' checks (no imports: safe in client bundles). */
export const NAME_MAX_LENGTH = 100;
export const PHONE_MAX_LENGTH = 30;
export const BIO_MAX_LENGTH = 2000;
export const INSTRUMENT_MAX_LENGTH = 40;
export const INSTRUMENTS_MAX_COUNT = 10;
