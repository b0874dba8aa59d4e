import { OptionalLabel, TextField } from "@/components/ui/field";

/** The optional phone number input of sign-up and the profile; the rules live in lib/accounts/schemas. */
export function PhoneField({ defaultValue, hint, error }: { defaultValue?: string; hint?: string; error?: string }) {
  return (
    <TextField
      id="phone"
      label={<OptionalLabel>Phone</OptionalLabel>}
      type="tel"
      autoComplete="tel"
      maxLength={30}
      defaultValue={defaultValue}
      hint={hint}
      error={error}
    />
  );
}
