import { OptionalLabel, TextField } from "@/components/ui/field";
import { PHONE_MAX_LENGTH } from "@/lib/accounts/limits";

/** The optional phone number input of sign-up and the profile; the rules live in lib/accounts/schemas. */
export function PhoneField({ defaultValue, hint, error }: { defaultValue?: string; hint?: string; error?: string }) {
  return (
    <TextField
      id="phone"
      label={<OptionalLabel>Phone</OptionalLabel>}
      type="tel"
      autoComplete="tel"
      maxLength={PHONE_MAX_LENGTH}
      defaultValue={defaultValue}
      hint={hint}
      error={error}
    />
  );
}
