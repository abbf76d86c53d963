import type { Vehicle } from '../../../../src-shared/domain/lead';

/** "2021 Toyota Tacoma TRD" for a person; VIN and stock number are shown apart. */
export function vehicleSummary(vehicle: Vehicle): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
}
