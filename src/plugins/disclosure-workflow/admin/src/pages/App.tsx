import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { TasksPage } from './TasksPage';
import { AuditPage } from './AuditPage';
import { SlipPage } from './SlipPage';
import { SchedulesPage } from './SchedulesPage';
import { RequestsPage } from './RequestsPage';

const App = () => (
  <Routes>
    <Route index element={<TasksPage />} />
    <Route path="audit" element={<AuditPage />} />
    <Route path="slip" element={<SlipPage />} />
    <Route path="schedules" element={<SchedulesPage />} />
    <Route path="requests" element={<RequestsPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
