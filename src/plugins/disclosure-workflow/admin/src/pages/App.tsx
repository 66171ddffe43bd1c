import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { TasksPage } from './TasksPage';
import { AuditPage } from './AuditPage';
import { SlipPage } from './SlipPage';
import { SchedulesPage } from './SchedulesPage';
import { extraPages } from '../extraPages';

const App = () => (
  <Routes>
    <Route index element={<TasksPage />} />
    <Route path="audit" element={<AuditPage />} />
    <Route path="slip" element={<SlipPage />} />
    <Route path="schedules" element={<SchedulesPage />} />
    {extraPages().map((page) => <Route key={page.path} path={page.path} element={<page.Component />} />)}
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
