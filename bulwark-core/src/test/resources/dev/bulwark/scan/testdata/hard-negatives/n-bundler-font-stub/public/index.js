export { default as iconFont } from './fonts/icons.ttf';
