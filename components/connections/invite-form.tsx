"use client";

import { useActionState, useState } from "react";
import { inviteStudentAction } from "@/app/(app)/students/actions";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Textarea, TextField } from "@/components/ui/field";
import type { FormState } from "@/lib/actions";
import { INVITE_MESSAGE_MAX_LENGTH } from "@/lib/connections/limits";

export function InviteForm({ canInvite }: { canInvite: boolean }) {
  // Controlled fields, so a refused invitation keeps what was typed and a sent one clears it.
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState("");
  const [state, action, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await inviteStudentAction(previous, formData);
    if (result?.ok) {
      setEmail("");
      setMessage("");
    }
    return result;
  }, undefined);

  if (!canInvite) {
    return <FormAlert>Confirm your email address to invite students. Use the link we sent you, or ask for a new one in the banner above.</FormAlert>;
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {state ? <FormAlert tone={state.ok ? "success" : "error"}>{state.ok ? state.message : state.error}</FormAlert> : null}
      <TextField id="email" type="email" label="Student's email" autoComplete="off" placeholder="student@example.com" required error={errors.email} value={email} onChange={(event) => setEmail(event.target.value)} />
      <Field id="message" label="Personal message (optional)" error={errors.message} hint={`${message.length} / ${INVITE_MESSAGE_MAX_LENGTH}`}>
        <Textarea
          id="message"
          name="message"
          rows={3}
          maxLength={INVITE_MESSAGE_MAX_LENGTH}
          placeholder="Hi! I'd love to set up our weekly lessons here."
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={errors.message ? "message-error" : "message-hint"}
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}
