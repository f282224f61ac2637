/**
 * A service form whose fields are rendered from the type's schema in the domain registry (SchemaFields), with
 * the program folder's words: what a new program needs on the web beyond its words is its initial values and
 * any field it renders itself.
 */
import { programRegistry, type Words } from '@jkda/domain';
import { dropEmptyDeep, SchemaFields, type CustomField } from '../forms/SchemaFields.tsx';
import { fieldLabel, type FieldWords } from '../forms/fieldWords.ts';
import type { ServiceFieldsProps, ServiceFormDef } from './program-ui.ts';

export interface SchemaFormSpec {
  type: string;
  title: Words;
  words: FieldWords;
  /** antd values of a new record's form (the page's context: birth date, sex, today, the last form). */
  initialForm?: ServiceFormDef['initialForm'];
  hidden?: readonly string[];
  custom?: Readonly<Record<string, CustomField>>;
  resultTone?: ServiceFormDef['resultTone'];
}

export function schemaFormDef(spec: SchemaFormSpec): ServiceFormDef {
  const schema = programRegistry.serviceType(spec.type)?.schema;
  if (!schema) throw new Error(`no service type ${spec.type} in the registry`);
  function Fields({ readOnly }: ServiceFieldsProps) {
    return (
      <SchemaFields
        schema={schema!}
        words={spec.words}
        readOnly={readOnly}
        {...(spec.hidden ? { hidden: spec.hidden } : {})}
        {...(spec.custom ? { custom: spec.custom } : {})}
      />
    );
  }
  Fields.displayName = `SchemaFields(${spec.type})`;
  return {
    type: spec.type,
    title: spec.title,
    initialForm: spec.initialForm ?? (() => ({})),
    toPayload: (v) => (dropEmptyDeep(v) as Record<string, unknown> | undefined) ?? {},
    fromStored: (v) => structuredClone(v),
    Fields,
    fieldLabel: (path, lang) => fieldLabel(spec.words, path, lang),
    ...(spec.resultTone ? { resultTone: spec.resultTone } : {}),
  };
}
