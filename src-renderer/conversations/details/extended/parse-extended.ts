import type { Vehicle } from '../../../../src-shared/domain/lead';
import type { Parsed } from '../contact/parse-contact';

export interface VehicleFields {
  year: string;
  make: string;
  model: string;
  trim: string;
  vin: string;
  stock: string;
}

export const VEHICLE_LIMITS = { make: 60, model: 60, trim: 60, vin: 17, stock: 40 } as const;

export function vehicleFields(vehicle: Vehicle | null): VehicleFields {
  return {
    year: vehicle?.year === null || vehicle?.year === undefined ? '' : String(vehicle.year),
    make: vehicle?.make ?? '',
    model: vehicle?.model ?? '',
    trim: vehicle?.trim ?? '',
    vin: vehicle?.vin ?? '',
    stock: vehicle?.stock ?? '',
  };
}

/** The vehicle as typed, or null when every field is empty (clears it). */
export function parseVehicle(fields: VehicleFields): Parsed<Vehicle | null> {
  const text = {
    make: fields.make.trim(),
    model: fields.model.trim(),
    trim: fields.trim.trim(),
    vin: fields.vin.trim().toUpperCase(),
    stock: fields.stock.trim(),
  };
  const yearText = fields.year.trim();
  if (!yearText && Object.values(text).every((value) => !value)) return { ok: true, value: null };
  let year: number | null = null;
  if (yearText) {
    year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1900 || year > 2100) {
      return { ok: false, error: `“${yearText}” is not a model year, like 2021` };
    }
  }
  for (const key of Object.keys(VEHICLE_LIMITS) as (keyof typeof VEHICLE_LIMITS)[]) {
    if (text[key].length > VEHICLE_LIMITS[key]) {
      return { ok: false, error: `The ${key} can have at most ${VEHICLE_LIMITS[key]} characters` };
    }
  }
  return { ok: true, value: { year, ...text } };
}

/** A money amount typed as "5,000" or "$350"; empty is none. */
export function parseAmount(label: string, text: string): Parsed<number | null> {
  const typed = text.trim().replace(/[$,\s]/g, '');
  if (!typed) return { ok: true, value: null };
  const amount = Number(typed);
  if (!/^\d+(\.\d{1,2})?$/.test(typed) || !Number.isFinite(amount)) {
    return { ok: false, error: `“${text.trim()}” is not an amount for the ${label}, like 2500` };
  }
  return { ok: true, value: amount };
}
