// Same contract as preferred-pm 5 (`import { preferredPM } from 'preferred-pm'`), implemented by 4.1.1.
import preferredPMv4 from 'preferred-pm-v4';

export const preferredPM = preferredPMv4;
