import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { TasksPage } from './TasksPage';
import { AuditPage } from './AuditPage';
import { SlipPage } from './SlipPage';

const App = () => (
  <Routes>
    <Route index element={<TasksPage />} />
    <Route path="audit" element={<AuditPage />} />
    <Route path="slip" element={<SlipPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
