/** What the page knows beyond ServiceFormDef's field props: the resident and their other service records. */
import { createContext, useContext } from 'react';
import type { ServiceItem } from './services.api.ts';

export interface ServicePageContext {
  residentId: number;
  items: ServiceItem[];
}

export const ServicePageCtx = createContext<ServicePageContext>({ residentId: 0, items: [] });

export const useServicePage = (): ServicePageContext => useContext(ServicePageCtx);
