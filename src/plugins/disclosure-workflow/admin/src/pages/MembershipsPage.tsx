// Settings → Disclosure workflow → Memberships: pick an admin user and see and change the units
// they act for (add, include the sub-departments or not, remove); below, the reviewers who belong
// to no unit yet. The chosen user is in the address (?user=<id>).
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { Box, Button, Checkbox, Combobox, ComboboxOption, Field, Flex, Table, Tbody, Td, TextButton, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { errorText, useT } from '../utils';
import { type AdminUser, type Membership, type Unit, MATCH_ANYWHERE, useMembershipApi, userName } from '../memberships';

const unitLabel = (unit: Unit, byId: Map<string, Unit>) => {
  const parent = unit.parent ? byId.get(unit.parent)?.name : null;
  return parent ? `${unit.name}（${parent}）` : (unit.name ?? unit.documentId);
};

/** One person's memberships; `onChange` after each change (whether they still lack a unit may change). */
function UserMemberships({ user, units, onChange }: { user: number; units: Unit[]; onChange: () => void }) {
  const t = useT();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useMembershipApi();
  const [rows, setRows] = React.useState<Membership[] | null>(null);
  const [department, setDepartment] = React.useState('');
  const [includeSubDepartments, setIncludeSubDepartments] = React.useState(false);
  // Bumped after an add: a new picker, its typed text gone with the choice.
  const [added, setAdded] = React.useState(0);
  const byId = new Map(units.map((u) => [u.documentId, u]));

  const load = React.useCallback(async () => setRows(await api.list({ user })), [api, user]);
  React.useEffect(() => {
    load().catch(() => setRows([]));
  }, [load]);
  const change = async (run: () => Promise<unknown>) => {
    try {
      await run();
      await load();
      onChange();
      toggleNotification({ type: 'success', message: t('done') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorText(error, locale) });
    }
  };

  const add = () =>
    change(async () => {
      await api.add({ user, department, includeSubDepartments });
      setDepartment('');
      setAdded((n) => n + 1);
    });

  if (!rows) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {rows.length === 0 ? (
        <Typography textColor="neutral600">{t('memberships.none')}</Typography>
      ) : (
        <Table colCount={3} rowCount={rows.length + 1}>
          <Thead>
            <Tr>{['memberships.department', 'members.includeSubDepartments', 'memberships.actions'].map((c) => <Th key={c}><Typography variant="sigma">{t(c)}</Typography></Th>)}</Tr>
          </Thead>
          <Tbody>
            {rows.map((m) => (
              <Tr key={m.id} data-testid="membership-row">
                <Td><Typography>{m.department.name ?? m.department.documentId}</Typography></Td>
                <Td>
                  <Checkbox aria-label={t('members.includeSubDepartments')} checked={m.includeSubDepartments} onCheckedChange={(v) => change(() => api.add({ user, department: m.department.documentId, includeSubDepartments: v === true }))} />
                </Td>
                <Td><Button size="S" variant="danger-light" onClick={() => change(() => api.remove(m.id))}>{t('members.remove')}</Button></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Field.Root name="department">
          <Field.Label>{t('memberships.addDepartment')}</Field.Label>
          <Combobox key={added} autocomplete={MATCH_ANYWHERE} placeholder={t('memberships.searchDepartment')} noOptionsMessage={() => t('members.noMatch')} value={department} onChange={(v: string | undefined) => setDepartment(v ?? '')} onClear={() => setDepartment('')}>
            {units.map((u) => <ComboboxOption key={u.documentId} value={u.documentId}>{unitLabel(u, byId)}</ComboboxOption>)}
          </Combobox>
        </Field.Root>
        <Checkbox checked={includeSubDepartments} onCheckedChange={(v) => setIncludeSubDepartments(v === true)}>{t('members.includeSubDepartments')}</Checkbox>
        <Button disabled={!department} onClick={add}>{t('members.add')}</Button>
      </Flex>
    </Flex>
  );
}

export const MembershipsPage = () => {
  const t = useT();
  const api = useMembershipApi();
  const [params, setParams] = useSearchParams();
  const [users, setUsers] = React.useState<AdminUser[] | null>(null);
  const [units, setUnits] = React.useState<Unit[]>([]);
  const loadUsers = React.useCallback(() => api.users().then(setUsers).catch(() => setUsers([])), [api]);
  React.useEffect(() => {
    loadUsers();
    api.departments().then(setUnits).catch(() => setUnits([]));
  }, [api, loadUsers]);
  if (!users) return <Page.Loading />;
  const user = params.get('user') ?? '';
  const choose = (id: string) => setParams(id ? { user: id } : {});
  const unassigned = users.filter((u) => u.unassigned);
  return (
    <Page.Main>
      <Page.Title>{t('memberships.title')}</Page.Title>
      <Layouts.Header title={t('memberships.title')} subtitle={t('memberships.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="user">
                <Field.Label>{t('memberships.user')}</Field.Label>
                <Combobox key={user} autocomplete={MATCH_ANYWHERE} placeholder={t('members.searchUser')} noOptionsMessage={() => t('members.noMatch')} value={user} onChange={(v: string | undefined) => choose(v ?? '')} onClear={() => choose('')}>
                  {users.map((u) => <ComboboxOption key={u.id} value={String(u.id)}>{`${userName(u)} ${u.email}`}</ComboboxOption>)}
                </Combobox>
              </Field.Root>
              {user && <UserMemberships key={user} user={Number(user)} units={units} onChange={loadUsers} />}
            </Flex>
          </Box>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius data-testid="unassigned-reviewers">
            <Typography variant="delta" tag="h2">{t('memberships.unassigned', { count: unassigned.length })}</Typography>
            <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={3}>
              {unassigned.map((u) => <TextButton key={u.id} onClick={() => choose(String(u.id))}>{`${userName(u)} ${u.email}`}</TextButton>)}
            </Flex>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default MembershipsPage;
