// Department memberships through the admin routes (action manage-memberships), shared by the
// department's side panel and the settings page.
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { API } from './pluginId';

export type Membership = { id: number; user: number; department: { documentId: string; name: string | null }; includeSubDepartments: boolean };
export type AdminUser = { id: number; firstname: string | null; lastname: string | null; email: string; unassigned: boolean };
export type Unit = { documentId: string; name: string | null; parent: string | null };

/** A person as the app names them (family name first, as in 待办), else the e-mail. */
export const userName = (u: Pick<AdminUser, 'firstname' | 'lastname' | 'email'>) => [u.lastname, u.firstname].filter(Boolean).join('') || u.email;

/** Combobox filtering on any part of an option (an e-mail, a given name), not only its start. */
export const MATCH_ANYWHERE = { type: 'list', filter: 'contains' } as const;

export function useMembershipApi() {
  const { get, post, del } = useFetchClient();
  return React.useMemo(
    () => ({
      users: async () => (await get<{ data: AdminUser[] }>(`${API}/memberships/users`)).data.data,
      departments: async () => (await get<{ data: Unit[] }>(`${API}/memberships/departments`)).data.data,
      list: async (params: { user: number } | { department: string }) => (await get<{ data: Membership[] }>(`${API}/memberships`, { params })).data.data,
      add: (body: { user: number; department: string; includeSubDepartments: boolean }) => post(`${API}/memberships`, body),
      remove: (id: number) => del(`${API}/memberships/${id}`),
    }),
    [get, post, del],
  );
}
