// Edit-view side panel of an owning unit (the `departments` type): its members, each with whether
// the membership covers the sub-departments, add (pick an admin user) and remove. Shown only to
// users who may manage memberships (GET /permissions → manageMemberships).
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Badge, Box, Button, Checkbox, Combobox, ComboboxOption, Field, Flex, IconButton, Link, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { API, PLUGIN_ID } from '../pluginId';
import { errorText, useSiteSettings, useT } from '../utils';
import { type AdminUser, type Membership, MATCH_ANYWHERE, useMembershipApi, userName } from '../memberships';

function PanelBody({ department }: { department: string }) {
  const t = useT();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useMembershipApi();
  const [members, setMembers] = React.useState<Membership[]>([]);
  const [users, setUsers] = React.useState<AdminUser[]>([]);
  const [user, setUser] = React.useState('');
  const [includeSubDepartments, setIncludeSubDepartments] = React.useState(false);
  // Bumped after an add: a new picker, its typed text gone with the choice.
  const [added, setAdded] = React.useState(0);
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => setMembers(await api.list({ department })), [api, department]);
  React.useEffect(() => {
    load().catch(() => setMembers([]));
    api.users().then(setUsers).catch(() => setUsers([]));
  }, [api, load]);

  const change = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      await load();
      toggleNotification({ type: 'success', message: t('done') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    } finally {
      setBusy(false);
    }
  };
  const add = () =>
    change(async () => {
      await api.add({ user: Number(user), department, includeSubDepartments });
      setUser('');
      setIncludeSubDepartments(false);
      setAdded((n) => n + 1);
    });
  const byId = new Map(users.map((u) => [u.id, u]));

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="members-panel">
      {members.length === 0 && <Typography variant="pi" textColor="neutral500">{t('members.none')}</Typography>}
      {members.map((m) => {
        const person = byId.get(m.user);
        return (
          <Flex key={m.id} justifyContent="space-between" alignItems="flex-start" gap={2} data-testid="member-row">
            <Box>
              <Typography variant="omega" tag="p">{person ? userName(person) : `#${m.user}`}</Typography>
              {person && <Typography variant="pi" textColor="neutral600" tag="p">{person.email}</Typography>}
              {m.includeSubDepartments && <Badge>{t('members.withSubDepartments')}</Badge>}
            </Box>
            <IconButton label={t('members.remove')} variant="danger-light" disabled={busy} onClick={() => change(() => api.remove(m.id))}><Trash /></IconButton>
          </Flex>
        );
      })}
      <Field.Root name="member">
        <Field.Label>{t('members.addUser')}</Field.Label>
        <Combobox key={added} autocomplete={MATCH_ANYWHERE} placeholder={t('members.searchUser')} noOptionsMessage={() => t('members.noMatch')} value={user} onChange={(v: string | undefined) => setUser(v ?? '')} onClear={() => setUser('')}>
          {users.map((u) => <ComboboxOption key={u.id} value={String(u.id)}>{`${userName(u)} ${u.email}`}</ComboboxOption>)}
        </Combobox>
      </Field.Root>
      <Checkbox checked={includeSubDepartments} onCheckedChange={(v) => setIncludeSubDepartments(v === true)}>{t('members.includeSubDepartments')}</Checkbox>
      <Button disabled={!user} loading={busy} onClick={add}>{t('members.add')}</Button>
      <Link href={`/admin/settings/${PLUGIN_ID}/memberships`}>{t('members.byPerson')}</Link>
    </Flex>
  );
}

/** Shown on the unit type's edit view, to users with manage-memberships, once the unit is saved. */
export const MembersPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const t = useT();
  const { get } = useFetchClient();
  const { departmentType } = useSiteSettings();
  const [allowed, setAllowed] = React.useState(false);
  const applies = Boolean(documentId) && model === departmentType;
  React.useEffect(() => {
    setAllowed(false);
    if (!applies) return;
    get<{ data: { actions: { manageMemberships: boolean } } }>(`${API}/permissions`, { params: { uid: model, documentId } })
      .then(({ data }) => setAllowed(data.data.actions.manageMemberships))
      .catch(() => setAllowed(false));
  }, [get, applies, model, documentId]);
  if (!applies || !allowed) return null;
  return { title: t('members.panel'), content: <PanelBody department={documentId!} /> };
};
