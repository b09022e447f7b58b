/** The demo dataset that ships with the stub (`jszg-sim serve --demo`, `npm start`). */
export { loadDemoData } from './demo-data';
