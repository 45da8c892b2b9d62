// English texts of network partners (Netzwerkpartner) and the outcomes of Fall im Feld (mirrors de-partners.ts).
import type { dePartners } from './de-partners';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enPartners: Widen<typeof dePartners> = {
  partners: {
    title: 'Network partners',
    intro:
      'Counselling services, agencies and institutions in the district that families can be referred to.',
    newPartner: 'New partner',
    filter: 'Search the directory',
    filterHint: 'Name, organisation, service or district',
    count_one: '{{count}} partner',
    count_other: '{{count}} partners',
    noMatch: 'No partner matches “{{query}}”.',
    empty: 'No partners in the directory yet.',
    emptyLead: 'No partners in the directory yet – add the first one with “New partner”.',
    leadsEdit: 'Team leads maintain the directory.',
    notFound: 'This partner is not (or no longer) on this device.',
    name: 'Name',
    organisation: 'Organisation',
    services: 'Services',
    contact: 'Contact',
    contactHint: 'Phone, e-mail, address, contact person',
    district: 'District / town',
    noContact: 'No contact details.',
    call: 'Call: {{number}}',
    mail: 'E-mail {{address}}',
    edit: 'Edit',
    editTitle: 'Edit partner',
    backToList: 'Network partners',
    delete: 'Delete partner',
    deleteTitle: 'Delete partner?',
    deleteText:
      '{{name}} is removed from the directory, on the team’s devices too. Referrals to this partner are kept.',
    saveFailed: 'Saving failed: {{message}}',
    unsynced: 'not yet synced',
  },
  referral: {
    change: 'Change referral',
    refer: 'Refer to a partner',
    title: 'Referral to a network partner',
    search: 'Search partners',
    choose: 'Partner',
    noPartners: 'The directory has no partners yet. Team leads add them under “Network partners”.',
    noMatch: 'No partner matches “{{query}}”.',
    moreMatches: '{{count}} more matches – narrow the search.',
    required: 'Please choose a partner.',
    submit: 'Save referral',
    referredTo: 'Referred to',
    partnerGone: 'Partner no longer in the directory',
    convertedTo: 'Converted into a case',
    failed: 'Saving failed: {{message}}',
  },
  convertCase: {
    carriedOver:
      'The contact becomes the family name and the consultation stays linked to the case. Everything else can be added later.',
    approvedHours: 'Approved hours per month',
    approvedHoursHint: 'From the help plan; 0 if not yet approved.',
  },
};
