import { useId, useState } from 'react';
import type { Vehicle } from '../../../../src-shared/domain/lead';
import { parseVehicle, VEHICLE_LIMITS, vehicleFields, type VehicleFields } from './parse-extended';
import { vehicleSummary } from './vehicle-summary';

const FIELD_LABELS: Record<keyof VehicleFields, string> = {
  year: 'Year',
  make: 'Make',
  model: 'Model',
  trim: 'Trim',
  vin: 'VIN',
  stock: 'Stock #',
};

/** The vehicle of interest or the trade-in: a line to read, a small form to change it. */
export function VehicleEditor(props: {
  title: string;
  testId: string;
  vehicle: Vehicle | null;
  save(vehicle: Vehicle | null): Promise<unknown>;
}) {
  const [fields, setFields] = useState<VehicleFields | null>(null);
  const [error, setError] = useState<string | null>(null);
  const baseId = useId();
  const { vehicle } = props;
  const extra = vehicle
    ? [vehicle.vin && `VIN ${vehicle.vin}`, vehicle.stock && `Stock ${vehicle.stock}`].filter(
        Boolean,
      )
    : [];

  const submit = async () => {
    if (!fields) return;
    const parsed = parseVehicle(fields);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    await props.save(parsed.value);
    setFields(null);
  };

  return (
    <div className="details-block" data-testid={props.testId}>
      <div className="details-section-head">
        <h4>{props.title}</h4>
        {!fields && (
          <button
            type="button"
            className="button-quiet"
            data-testid={`${props.testId}-edit`}
            aria-label={`Edit ${props.title.toLowerCase()}`}
            onClick={() => setFields(vehicleFields(vehicle))}
          >
            Edit
          </button>
        )}
      </div>
      {!fields && (
        <p className="details-text" data-testid={`${props.testId}-value`}>
          {vehicle ? [vehicleSummary(vehicle), ...extra].filter(Boolean).join(' · ') : 'None'}
        </p>
      )}
      {fields && (
        <form
          className="details-grid-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          {(Object.keys(FIELD_LABELS) as (keyof VehicleFields)[]).map((key) => (
            <label key={key} htmlFor={`${baseId}-${key}`}>
              {FIELD_LABELS[key]}
              <input
                id={`${baseId}-${key}`}
                data-testid={`${props.testId}-${key}`}
                value={fields[key]}
                inputMode={key === 'year' ? 'numeric' : undefined}
                maxLength={key === 'year' ? 4 : VEHICLE_LIMITS[key]}
                onChange={(event) => {
                  setFields({ ...fields, [key]: event.target.value });
                  setError(null);
                }}
              />
            </label>
          ))}
          {error && (
            <p className="details-error" role="alert" data-testid="details-field-error">
              {error}
            </p>
          )}
          <div className="details-buttons">
            <button type="submit" className="button-small" data-testid={`${props.testId}-save`}>
              Save
            </button>
            <button type="button" className="button-quiet" onClick={() => setFields(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
