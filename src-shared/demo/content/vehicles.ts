import type { Vehicle } from '../../domain';
import type { Rng } from '../random';

interface Model {
  make: string;
  model: string;
  trims: string[];
  /** Rough new price in dollars, for quotes. */
  price: number;
  truck?: boolean;
  /** First model year, so a used one is never older than the model. */
  since?: number;
}

/**
 * Real makes and models. The Toyota Tacoma is left out on purpose: "Tacoma" is the word the
 * fixture lead's thread is found by, so no other lead may mention it.
 */
const MODELS: Model[] = [
  { make: 'Toyota', model: 'Camry', trims: ['LE', 'SE', 'XSE'], price: 29000 },
  { make: 'Toyota', model: 'Corolla', trims: ['LE', 'SE'], price: 23000 },
  { make: 'Toyota', model: 'RAV4', trims: ['LE', 'XLE', 'Adventure'], price: 32000 },
  { make: 'Toyota', model: 'Highlander', trims: ['XLE', 'Limited'], price: 44000 },
  { make: 'Toyota', model: '4Runner', trims: ['SR5', 'TRD Off-Road'], price: 45000 },
  { make: 'Toyota', model: 'Tundra', trims: ['SR5', 'Limited'], price: 52000, truck: true },
  { make: 'Honda', model: 'Civic', trims: ['LX', 'Sport', 'EX'], price: 25000 },
  { make: 'Honda', model: 'Accord', trims: ['Sport', 'EX-L'], price: 30000 },
  { make: 'Honda', model: 'CR-V', trims: ['EX', 'EX-L'], price: 34000 },
  { make: 'Honda', model: 'Pilot', trims: ['EX-L', 'Touring'], price: 45000 },
  { make: 'Honda', model: 'Odyssey', trims: ['EX-L', 'Touring'], price: 42000 },
  { make: 'Ford', model: 'F-150', trims: ['XLT', 'Lariat'], price: 52000, truck: true },
  { make: 'Ford', model: 'Explorer', trims: ['XLT', 'ST'], price: 42000 },
  { make: 'Ford', model: 'Escape', trims: ['SE', 'Titanium'], price: 31000 },
  { make: 'Ford', model: 'Bronco', trims: ['Big Bend', 'Badlands'], price: 46000, since: 2021 },
  { make: 'Ford', model: 'Mustang', trims: ['EcoBoost', 'GT'], price: 38000 },
  { make: 'Ford', model: 'Maverick', trims: ['XL', 'XLT'], price: 28000, truck: true, since: 2022 },
  { make: 'Chevrolet', model: 'Silverado 1500', trims: ['LT', 'RST'], price: 50000, truck: true },
  { make: 'Chevrolet', model: 'Equinox', trims: ['LT', 'RS'], price: 30000 },
  { make: 'Chevrolet', model: 'Tahoe', trims: ['LT', 'Z71'], price: 62000 },
  { make: 'Chevrolet', model: 'Malibu', trims: ['LT'], price: 26000 },
  { make: 'Hyundai', model: 'Elantra', trims: ['SE', 'SEL'], price: 23000 },
  { make: 'Hyundai', model: 'Tucson', trims: ['SEL', 'Limited'], price: 31000 },
  { make: 'Hyundai', model: 'Santa Fe', trims: ['SEL', 'Calligraphy'], price: 36000 },
  { make: 'Hyundai', model: 'Palisade', trims: ['SEL', 'Limited'], price: 42000, since: 2020 },
  { make: 'Nissan', model: 'Altima', trims: ['SV', 'SR'], price: 28000 },
  { make: 'Nissan', model: 'Rogue', trims: ['SV', 'SL'], price: 32000 },
  { make: 'Nissan', model: 'Frontier', trims: ['SV', 'PRO-4X'], price: 36000, truck: true },
  { make: 'Nissan', model: 'Sentra', trims: ['S', 'SV'], price: 22000 },
  { make: 'Nissan', model: 'Pathfinder', trims: ['SV', 'SL'], price: 40000 },
  { make: 'Kia', model: 'Telluride', trims: ['EX', 'SX'], price: 44000, since: 2020 },
  { make: 'Kia', model: 'Sorento', trims: ['LX', 'EX'], price: 35000 },
  { make: 'Kia', model: 'Sportage', trims: ['LX', 'EX'], price: 30000 },
  { make: 'Kia', model: 'Forte', trims: ['LXS', 'GT-Line'], price: 22000 },
  { make: 'Jeep', model: 'Grand Cherokee', trims: ['Laredo', 'Limited'], price: 45000 },
  { make: 'Jeep', model: 'Wrangler', trims: ['Sport', 'Rubicon'], price: 42000 },
  { make: 'Ram', model: '1500', trims: ['Big Horn', 'Laramie'], price: 50000, truck: true },
  { make: 'Subaru', model: 'Outback', trims: ['Premium', 'Limited'], price: 33000 },
  { make: 'Subaru', model: 'Crosstrek', trims: ['Premium', 'Sport'], price: 28000 },
  { make: 'GMC', model: 'Sierra 1500', trims: ['SLE', 'AT4'], price: 54000, truck: true },
  { make: 'Mazda', model: 'CX-5', trims: ['Select', 'Turbo'], price: 31000 },
];

const BY_MAKE = new Map<string, Model[]>();
for (const m of MODELS) BY_MAKE.set(m.make, [...(BY_MAKE.get(m.make) ?? []), m]);

export const COLORS = ['White', 'Black', 'Silver', 'Gray', 'Blue', 'Red', 'Green', 'Pearl White'];

const WMI: Record<string, string> = {
  Toyota: '4T1',
  Honda: '1HG',
  Ford: '1FT',
  Chevrolet: '1GC',
  Hyundai: '5NP',
  Nissan: '1N4',
  Kia: '5XY',
  Jeep: '1C4',
  Ram: '1C6',
  Subaru: '4S4',
  GMC: '1GT',
  Mazda: 'JM3',
};
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export interface VehicleOffer {
  vehicle: Vehicle;
  isNew: boolean;
  color: string;
  miles: number;
  price: number;
  truck: boolean;
}

function vin(rng: Rng, make: string): string {
  let out = WMI[make] ?? '1XX';
  for (let i = 0; i < 14; i++) out += VIN_CHARS[rng.int(0, VIN_CHARS.length - 1)];
  return out;
}

/** What a customer asks about: new in the store's brand, or used in any make. */
export function vehicleOfInterest(rng: Rng, brand: string, stockPrefix: string, year: number) {
  const isNew = rng.chance(0.55);
  const pool = isNew ? (BY_MAKE.get(brand) ?? MODELS) : MODELS;
  const model = rng.pick(pool);
  const age = isNew ? 0 : Math.min(rng.int(1, 9), Math.max(0, year - (model.since ?? 0)));
  const modelYear = isNew ? year + (rng.chance(0.3) ? 1 : 0) : year - age;
  const price = Math.max(
    5990,
    Math.round((model.price * Math.pow(0.87, age) * (0.9 + rng.next() * 0.2)) / 500) * 500 - 10,
  );
  const offer: VehicleOffer = {
    vehicle: {
      year: modelYear,
      make: model.make,
      model: model.model,
      trim: rng.pick(model.trims),
      vin: vin(rng, model.make),
      stock: `${stockPrefix}${String(modelYear).slice(2)}${rng.int(1000, 9999)}${isNew ? '' : 'A'}`,
    },
    isNew,
    color: rng.pick(COLORS),
    miles: isNew ? rng.int(3, 40) : age * rng.int(8000, 15000),
    price,
    truck: model.truck === true,
  };
  return offer;
}

/** An older car the customer wants to trade; the VIN is often unknown yet. */
export function tradeInVehicle(rng: Rng, year: number): { vehicle: Vehicle; miles: number } {
  const model = rng.pick(MODELS);
  const age = Math.min(rng.int(4, 15), Math.max(0, year - (model.since ?? 0)));
  return {
    vehicle: {
      year: year - age,
      make: model.make,
      model: model.model,
      trim: rng.chance(0.5) ? rng.pick(model.trims) : '',
      vin: rng.chance(0.3) ? vin(rng, model.make) : '',
      stock: '',
    },
    miles: age * rng.int(9, 15) * 1000,
  };
}

export function describeVehicle(v: { year: number | null; make: string; model: string }): string {
  return `${v.year ?? ''} ${v.make} ${v.model}`.trim();
}
