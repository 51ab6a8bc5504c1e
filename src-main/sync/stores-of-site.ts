// The stores active on this site (store.sync_id_remote_site = our site id): their changes, and
// store-less ones, are what this site pushes.
import type { EntityManager } from 'typeorm';
import { StoreEntity } from '../translators/tables/store';

export async function storesOfSite(manager: EntityManager, siteId: number): Promise<string[]> {
  const stores = await manager.getRepository(StoreEntity).find({ select: { id: true }, where: { siteId } });
  return stores.map((store) => store.id);
}
