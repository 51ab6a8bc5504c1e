// The demo's sync sites: the central itself and two satellites, each owning one store.

/** `mSupplyCentralSiteId`: the central server's own site id. */
export const CENTRAL_SITE_ID = 1;

export interface DemoSite {
  name: string;
  password: string;
  siteId: number;
  store: { id: string; code: string; name: string; nameId: string };
}

const SITES: DemoSite[] = [
  {
    name: 'satellite-1',
    password: 'satellite-1-pass',
    siteId: 2,
    store: { id: 'STORE_SATELLITE_ONE', code: 'SAT1', name: 'Satellite One', nameId: 'NAME_SATELLITE_ONE' },
  },
  {
    name: 'satellite-2',
    password: 'satellite-2-pass',
    siteId: 3,
    store: { id: 'STORE_SATELLITE_TWO', code: 'SAT2', name: 'Satellite Two', nameId: 'NAME_SATELLITE_TWO' },
  },
];

/** Frozen all the way down: the server reads these, nobody may change them. */
export const DEMO_SITES: readonly DemoSite[] = Object.freeze(
  SITES.map((site) => Object.freeze({ ...site, store: Object.freeze({ ...site.store }) })),
);
