export { describePage } from './describe';
