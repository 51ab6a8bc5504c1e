// What the demo central stocks and who it deals with: units, items and facility names.

export const DEMO_UNITS = [
  'Tablet',
  'Capsule',
  'Vial',
  'Ampoule',
  'Sachet',
  'Inhaler',
  'Tube',
  'Bag',
  'Bottle 100ml',
  'Each',
  'Test',
] as const;

export type DemoUnit = (typeof DEMO_UNITS)[number];

export interface CatalogueItem {
  name: string;
  code: string;
  unit: DemoUnit | '';
  /** Units per pack. */
  pack: number;
  strength: string;
  ven: 'V' | 'E' | 'N' | '';
  /** Price of one pack, home currency. */
  price: number;
  type?: 'non_stock' | 'service';
  /** Doses per unit, vaccines only. */
  doses?: number;
}

// prettier-ignore
export const DEMO_ITEMS: readonly CatalogueItem[] = [
  { name: 'Paracetamol 500mg tablets', code: 'PAR500T', unit: 'Tablet', pack: 1000, strength: '500mg', ven: 'E', price: 8.5 },
  { name: 'Amoxicillin 250mg capsules', code: 'AMX250C', unit: 'Capsule', pack: 500, strength: '250mg', ven: 'V', price: 14.2 },
  { name: 'Amoxicillin 125mg/5ml oral suspension', code: 'AMX125S', unit: 'Bottle 100ml', pack: 1, strength: '25mg/ml', ven: 'V', price: 0.95 },
  { name: 'Ibuprofen 200mg tablets', code: 'IBU200T', unit: 'Tablet', pack: 100, strength: '200mg', ven: 'N', price: 1.4 },
  { name: 'Metformin 500mg tablets', code: 'MET500T', unit: 'Tablet', pack: 1000, strength: '500mg', ven: 'E', price: 9.8 },
  { name: 'Amlodipine 5mg tablets', code: 'AML5T', unit: 'Tablet', pack: 100, strength: '5mg', ven: 'E', price: 1.1 },
  { name: 'Artemether/Lumefantrine 20/120mg tablets', code: 'ALU24T', unit: 'Tablet', pack: 24, strength: '20/120mg', ven: 'V', price: 0.65 },
  { name: 'Oral rehydration salts, sachet', code: 'ORS1S', unit: 'Sachet', pack: 100, strength: '20.5g', ven: 'V', price: 6.9 },
  { name: 'Zinc sulfate 20mg dispersible tablets', code: 'ZNC20T', unit: 'Tablet', pack: 100, strength: '20mg', ven: 'V', price: 1.8 },
  { name: 'Cotrimoxazole 480mg tablets', code: 'CTX480T', unit: 'Tablet', pack: 1000, strength: '400/80mg', ven: 'E', price: 12.4 },
  { name: 'Ceftriaxone 1g powder for injection', code: 'CEF1GV', unit: 'Vial', pack: 10, strength: '1g', ven: 'V', price: 3.9 },
  { name: 'Gentamicin 80mg/2ml injection', code: 'GEN80A', unit: 'Ampoule', pack: 50, strength: '40mg/ml', ven: 'V', price: 5.6 },
  { name: 'Oxytocin 10IU/ml injection', code: 'OXY10A', unit: 'Ampoule', pack: 50, strength: '10IU/ml', ven: 'V', price: 7.2 },
  { name: 'Magnesium sulfate 50% injection', code: 'MGS50A', unit: 'Ampoule', pack: 10, strength: '500mg/ml', ven: 'V', price: 4.1 },
  { name: 'Ferrous sulfate + folic acid tablets', code: 'FEF200T', unit: 'Tablet', pack: 1000, strength: '200mg/0.4mg', ven: 'E', price: 5.3 },
  { name: 'Salbutamol 100mcg/dose inhaler', code: 'SAL100I', unit: 'Inhaler', pack: 1, strength: '100mcg/dose', ven: 'V', price: 1.9 },
  { name: 'Hydrochlorothiazide 25mg tablets', code: 'HCT25T', unit: 'Tablet', pack: 1000, strength: '25mg', ven: 'E', price: 6.7 },
  { name: 'Omeprazole 20mg capsules', code: 'OME20C', unit: 'Capsule', pack: 100, strength: '20mg', ven: 'E', price: 1.6 },
  { name: 'Metronidazole 250mg tablets', code: 'MTZ250T', unit: 'Tablet', pack: 1000, strength: '250mg', ven: 'E', price: 10.2 },
  { name: 'Doxycycline 100mg capsules', code: 'DOX100C', unit: 'Capsule', pack: 100, strength: '100mg', ven: 'E', price: 2.3 },
  { name: 'Ciprofloxacin 500mg tablets', code: 'CIP500T', unit: 'Tablet', pack: 100, strength: '500mg', ven: 'E', price: 3.4 },
  { name: 'Insulin, soluble 100IU/ml injection', code: 'INS100V', unit: 'Vial', pack: 1, strength: '100IU/ml', ven: 'V', price: 4.8 },
  { name: 'Lidocaine 2% injection, 20ml', code: 'LID2V', unit: 'Vial', pack: 25, strength: '20mg/ml', ven: 'E', price: 9.5 },
  { name: 'Sodium chloride 0.9% infusion, 500ml', code: 'NAC09B', unit: 'Bag', pack: 20, strength: '0.9%', ven: 'V', price: 11.0 },
  { name: 'Glucose 5% infusion, 500ml', code: 'GLU5B', unit: 'Bag', pack: 20, strength: '5%', ven: 'E', price: 10.6 },
  { name: 'Tetracycline 1% eye ointment', code: 'TET1E', unit: 'Tube', pack: 50, strength: '1%', ven: 'E', price: 8.8 },
  { name: 'Povidone iodine 10% solution', code: 'PVI10S', unit: 'Bottle 100ml', pack: 1, strength: '10%', ven: 'N', price: 1.2 },
  { name: 'Chlorhexidine digluconate 7.1% gel', code: 'CHX71G', unit: 'Tube', pack: 1, strength: '7.1%', ven: 'V', price: 0.45 },
  { name: 'Measles-rubella vaccine, 10 doses', code: 'MRV10', unit: 'Vial', pack: 1, strength: '', ven: 'V', price: 5.9, doses: 10 },
  { name: 'BCG vaccine, 20 doses', code: 'BCG20', unit: 'Vial', pack: 1, strength: '', ven: 'V', price: 2.1, doses: 20 },
  { name: 'Pentavalent vaccine (DTP-HepB-Hib), 1 dose', code: 'PENTA1', unit: 'Vial', pack: 1, strength: '', ven: 'V', price: 0.9, doses: 1 },
  { name: 'Bivalent oral polio vaccine, 20 doses', code: 'BOPV20', unit: 'Vial', pack: 1, strength: '', ven: 'V', price: 3.2, doses: 20 },
  { name: 'Tetanus-diphtheria vaccine, 10 doses', code: 'TD10', unit: 'Vial', pack: 1, strength: '', ven: 'V', price: 1.5, doses: 10 },
  { name: 'Auto-disable syringe 0.5ml', code: 'ADS05', unit: 'Each', pack: 100, strength: '', ven: 'E', price: 4.6 },
  { name: 'Examination gloves, latex, medium', code: 'GLVM', unit: 'Each', pack: 100, strength: '', ven: 'N', price: 5.2 },
  { name: 'Gauze bandage 10cm x 4m', code: 'GAUZ10', unit: 'Each', pack: 12, strength: '', ven: 'N', price: 2.7 },
  { name: 'Malaria rapid diagnostic test (Pf/Pan)', code: 'MRDT', unit: 'Test', pack: 25, strength: '', ven: 'V', price: 9.0 },
  { name: 'HIV 1/2 rapid test', code: 'HIVRT', unit: 'Test', pack: 100, strength: '', ven: 'V', price: 85.0 },
  { name: 'Male condoms', code: 'CONM', unit: 'Each', pack: 144, strength: '', ven: 'E', price: 3.8 },
  { name: 'Medroxyprogesterone 150mg/ml injection', code: 'DMPA150', unit: 'Vial', pack: 1, strength: '150mg/ml', ven: 'E', price: 0.85 },
  { name: 'Consultation fee', code: 'SRVCONS', unit: '', pack: 1, strength: '', ven: '', price: 2.0, type: 'service' },
  { name: 'Delivery charge', code: 'SRVDEL', unit: '', pack: 1, strength: '', ven: '', price: 15.0, type: 'service' },
  { name: 'Printer paper A4, ream', code: 'NSPAPER', unit: 'Each', pack: 1, strength: '', ven: '', price: 4.5, type: 'non_stock' },
];

/** Items a store can hold stock of (not services or non-stock items). */
export const DEMO_STOCK_ITEMS: readonly CatalogueItem[] = DEMO_ITEMS.filter(
  (item) => item.type === undefined,
);

export interface DemoFacility {
  name: string;
  code: string;
  role: 'supplier' | 'customer';
  address: string;
}

export const DEMO_FACILITIES: readonly DemoFacility[] = [
  { name: 'Central Medical Store', code: 'CMS', role: 'supplier', address: '1 Warehouse Road' },
  { name: 'National Vaccine Store', code: 'NVS', role: 'supplier', address: '12 Cold Chain Avenue' },
  { name: 'MedPharm Wholesale Ltd', code: 'MPW', role: 'supplier', address: '88 Harbour Street' },
  { name: 'Riverside Health Centre', code: 'RHC', role: 'customer', address: 'Riverside' },
  { name: 'Hillview Clinic', code: 'HVC', role: 'customer', address: 'Hillview' },
  { name: "St Mary's Mission Hospital", code: 'SMH', role: 'customer', address: 'Mission Road' },
  { name: 'Lakeside Dispensary', code: 'LKD', role: 'customer', address: 'Lakeside' },
];

export function demoFacility(code: string): DemoFacility {
  const facility = DEMO_FACILITIES.find((candidate) => candidate.code === code);
  if (!facility) throw new Error(`demo data: no facility with code ${code}`);
  return facility;
}
