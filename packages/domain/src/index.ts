export * from './code-tables.ts';
export * from './resident.schema.ts';
export * from './id-number.ts';
export * from './phone.ts';
export * from './record-number.ts';
export * from './pinyin.ts';
export * from './mask.ts';
