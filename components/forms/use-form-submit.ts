"use client";

import { startTransition, type FormEvent } from "react";

/**
 * Submits a form to an action-state dispatcher without React's automatic form reset, so a rejected
 * submission keeps what the user typed next to its field errors. The form's `action` prop stays set
 * too, for browsers that submit before JavaScript has loaded.
 */
export function useFormSubmit(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
}
