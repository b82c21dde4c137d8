/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by src/fetch.ts for every page: pages read through it, never the database. */
    checkout: import('../server/checkout/checkout-view.ts').CheckoutReader;
  }
}
