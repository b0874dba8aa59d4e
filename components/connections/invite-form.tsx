"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Textarea, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { INVITE_MESSAGE_MAX_LENGTH } from "@/lib/connections/limits";

export function InviteForm({ invite, canInvite }: { invite: AnyServerAction; canInvite: boolean }) {
  // Controlled fields, so a refused invitation keeps what was typed and a sent one clears it.
  const [email, setEmail] = useState("");
  const [message, setMessage] = useState("");
  const {
    state,
    formAction,
    pending,
    fieldErrors: errors,
  } = useAction(invite, {
    onSuccess: () => {
      setEmail("");
      setMessage("");
    },
  });

  if (!canInvite) {
    return (
      <FormAlert>
        Confirm your email address to invite students. Use the link we sent you, or ask for a new one in the banner above.
      </FormAlert>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state ? <FormAlert tone={state.ok ? "success" : "error"}>{state.ok ? state.message : state.error}</FormAlert> : null}
      <TextField
        id="email"
        type="email"
        label="Student's email"
        autoComplete="off"
        placeholder="student@example.com"
        required
        error={errors.email}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Field
        id="message"
        label="Personal message (optional)"
        error={errors.message}
        hint={`${message.length} / ${INVITE_MESSAGE_MAX_LENGTH}`}
      >
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
