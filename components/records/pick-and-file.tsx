import type { ComponentProps, ReactNode } from 'react';
import { PersonPicker } from './person-picker';

/**
 * Find the person (第一步, the PersonPicker), then the filing form for the one selected (第二步): the shape of every
 * page that files or enters a staff record. `renderForm` gets the selected person's practitioner id.
 */
export function PickAndFile({
  formHeading,
  renderForm,
  ...picker
}: ComponentProps<typeof PersonPicker> & { formHeading: ReactNode; renderForm: (practitionerId: string) => ReactNode }) {
  return (
    <>
      <PersonPicker {...picker} />
      {picker.selected && (
        <section aria-labelledby="form-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="form-heading" className="mb-3 text-lg font-semibold">
            {formHeading}
          </h2>
          {renderForm(picker.selected.practitionerId)}
        </section>
      )}
    </>
  );
}
