/**
 * A form's fields rendered from its zod schema (schemaWalk): groups as sections, choices as buttons (up to
 * four) or a select that filters as one types, multiple choices as check boxes, numbers with the number pad,
 * dates as YYYY-MM-DD, lists with add and remove, and a discriminated union as a choice of kind followed by
 * that kind's fields. Every item is a SchemaItem, so it is checked as the user types with the server's own
 * schema and rules, and an out-of-range number is shown as an error on its field (never changed silently).
 * The words come from the program folder's FieldWords.
 */
import type { ComponentType, ReactNode } from 'react';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { useI18n } from '../i18n/i18n.tsx';
import type { Lang } from '../i18n/lang.ts';
import { dateStringProps, SchemaItem } from './SchemaItem.tsx';
import { fieldLabel, type FieldWords } from './fieldWords.ts';
import { numberPad } from './numberRange.ts';
import { fieldsOf, type FieldNode } from './schemaWalk.ts';
import type { Path } from './schemaIssues.ts';

/** A field the program renders itself (a vaccine chosen from the schedule …). */
export type CustomField = ComponentType<{
  /** The item's name (relative to an enclosing Form.List) … */
  name: Path;
  /** … and its whole path, for its rule (SchemaItem's rulePath). */
  rulePath: Path;
  /** The field's schema path (`babies.residentId`), as its test id has it. */
  path: string;
  label: string;
  readOnly: boolean;
}>;

export interface SchemaFieldsProps {
  schema: z.ZodType;
  words: FieldWords;
  readOnly: boolean;
  /** Paths left out (computed or given by the page). */
  hidden?: readonly string[];
  custom?: Readonly<Record<string, CustomField>>;
}

const LEAF = { xs: 24, sm: 12, lg: 8 } as const;
const WIDE = { xs: 24 } as const;

function optionsOf(n: Extract<FieldNode, { kind: 'choice' | 'choices' }>, words: FieldWords, lang: Lang) {
  return n.values.map((v) => {
    const entry = n.table?.find((e) => e.code === v);
    return { value: v, label: entry ? entry[lang] : fieldLabel(words, `${n.path}=${v}`, lang) };
  });
}

interface Ctx {
  words: FieldWords;
  readOnly: boolean;
  lang: Lang;
  hidden: ReadonlySet<string>;
  custom: Readonly<Record<string, CustomField>>;
  /** The whole name of the innermost Form.List around the fields: inside it, item names are relative. */
  list?: Path;
}

/** The name of an item as its Form.Item (or Form.List) takes it: relative to the enclosing list, if any. */
const itemName = (name: Path, ctx: Ctx): Path => (ctx.list ? name.slice(ctx.list.length) : name);

/** The item name of a path relative to its parent's item name (a list entry's name holds its index). */
const nameOf = (base: Path, rel: string) => [...base, ...rel.split('.').filter(Boolean)];

function Leaf({ n, name: path, ctx }: { n: FieldNode; name: Path; ctx: Ctx }): ReactNode {
  const label = fieldLabel(ctx.words, n.path, ctx.lang);
  const name = itemName(path, ctx);
  const Custom = ctx.custom[n.path];
  if (Custom)
    return <Custom name={name} rulePath={path} path={n.path} label={label} readOnly={ctx.readOnly} />;
  const testId = `f-${n.path}`;
  switch (n.kind) {
    case 'choice': {
      const options = optionsOf(n, ctx.words, ctx.lang);
      return (
        <SchemaItem name={name} rulePath={path} label={label} required={n.required}>
          {options.length <= 4 ? (
            <Radio.Group optionType="button" options={options} disabled={ctx.readOnly} data-testid={testId} />
          ) : (
            <Select
              showSearch
              allowClear={!n.required}
              optionFilterProp="label"
              options={options}
              disabled={ctx.readOnly}
              data-testid={testId}
            />
          )}
        </SchemaItem>
      );
    }
    case 'choices':
      return (
        <SchemaItem name={name} rulePath={path} label={label} required={n.required}>
          <Checkbox.Group
            options={optionsOf(n, ctx.words, ctx.lang)}
            disabled={ctx.readOnly}
            data-testid={testId}
          />
        </SchemaItem>
      );
    case 'number':
      return (
        <SchemaItem
          name={name}
          rulePath={path}
          label={label}
          required={n.required}
          range={{ min: n.min, max: n.max, integer: n.integer }}
        >
          {/* No min, max or precision: the input would clamp or round what was typed. */}
          <InputNumber
            style={{ width: '100%' }}
            {...numberPad(n.integer)}
            disabled={ctx.readOnly}
            data-testid={testId}
          />
        </SchemaItem>
      );
    case 'text':
      return n.date && n.picker !== false ? (
        <SchemaItem name={name} rulePath={path} label={label} required={n.required} {...dateStringProps}>
          <DatePicker
            style={{ width: '100%' }}
            format="YYYY-MM-DD"
            inputReadOnly
            disabled={ctx.readOnly}
            data-testid={testId}
          />
        </SchemaItem>
      ) : (
        <SchemaItem name={name} rulePath={path} label={label} required={n.required}>
          <Input
            maxLength={n.date ? 10 : n.max}
            placeholder={n.date ? 'YYYY-MM-DD' : undefined}
            disabled={ctx.readOnly}
            data-testid={testId}
          />
        </SchemaItem>
      );
    case 'texts':
      return (
        <SchemaItem name={name} rulePath={path} label={label} required={n.required}>
          <Select mode="tags" open={false} disabled={ctx.readOnly} data-testid={testId} />
        </SchemaItem>
      );
    case 'switch':
      return (
        <SchemaItem name={name} rulePath={path} label={label} valuePropName="checked">
          <Switch disabled={ctx.readOnly} data-testid={testId} />
        </SchemaItem>
      );
    case 'group':
    case 'list':
    case 'variants':
      // Rendered by Nodes.
      return null;
  }
}

function Variants({ n, base, ctx }: { n: Extract<FieldNode, { kind: 'variants' }>; base: Path; ctx: Ctx }) {
  const discPath = n.path ? `${n.path}.${n.discriminator}` : n.discriminator;
  const name = nameOf(base, n.discriminator);
  const value = Form.useWatch(name) as string | undefined;
  const chosen = n.options.find((o) => o.value === value);
  return (
    <>
      <Col {...WIDE}>
        <SchemaItem
          name={itemName(name, ctx)}
          rulePath={name}
          label={fieldLabel(ctx.words, discPath, ctx.lang)}
          required
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            disabled={ctx.readOnly}
            data-testid={`f-${discPath}`}
            options={n.options.map((o) => ({
              value: o.value,
              label: fieldLabel(ctx.words, `${discPath}=${o.value}`, ctx.lang),
            }))}
          />
        </SchemaItem>
      </Col>
      {chosen && <Nodes nodes={chosen.children} base={base} prefix={n.path} ctx={ctx} />}
    </>
  );
}

function ListField({ n, name, ctx }: { n: Extract<FieldNode, { kind: 'list' }>; name: Path; ctx: Ctx }) {
  const { t } = useI18n();
  return (
    <Col {...WIDE}>
      <Card size="small" title={fieldLabel(ctx.words, n.path, ctx.lang)} style={{ marginBottom: 12 }}>
        <Form.List name={itemName(name, ctx)}>
          {(items, { add, remove }) => (
            <div data-testid={`f-${n.path}`}>
              {items.map((item, i) => (
                <Card
                  key={item.key}
                  size="small"
                  type="inner"
                  title={`${i + 1}`}
                  style={{ marginBottom: 8 }}
                  extra={
                    !ctx.readOnly && (
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(item.name)}
                        aria-label={t('form.remove')}
                      />
                    )
                  }
                >
                  <Row gutter={12}>
                    <Nodes
                      nodes={n.children}
                      base={[...name, item.name]}
                      prefix={n.path}
                      ctx={{ ...ctx, list: name }}
                    />
                  </Row>
                </Card>
              ))}
              {!ctx.readOnly && (n.max === undefined || items.length < n.max) && (
                <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid={`f-${n.path}-add`}>
                  {t('form.add')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      </Card>
    </Col>
  );
}

/** The nodes under `base` (the item name of their parent); `prefix` is the parent's schema path. */
function Nodes({
  nodes,
  base,
  prefix,
  ctx,
}: {
  nodes: readonly FieldNode[];
  base: Path;
  prefix: string;
  ctx: Ctx;
}) {
  const rel = (n: FieldNode) => (prefix ? n.path.slice(prefix.length + 1) : n.path);
  return (
    <>
      {nodes.map((n) => {
        if (ctx.hidden.has(n.path)) return null;
        if (n.kind === 'variants')
          return <Variants key={`v-${n.path}`} n={n} base={nameOf(base, rel(n))} ctx={ctx} />;
        const name = nameOf(base, rel(n));
        if (n.kind === 'list') return <ListField key={n.path} n={n} name={name} ctx={ctx} />;
        if (n.kind === 'group')
          return (
            <Col key={n.path} {...WIDE}>
              <fieldset className="schema-group" data-testid={`g-${n.path}`}>
                <legend>{fieldLabel(ctx.words, n.path, ctx.lang)}</legend>
                <Row gutter={12}>
                  <Nodes nodes={n.children} base={name} prefix={n.path} ctx={ctx} />
                </Row>
              </fieldset>
            </Col>
          );
        return (
          <Col key={n.path} {...LEAF}>
            <Leaf n={n} name={name} ctx={ctx} />
          </Col>
        );
      })}
    </>
  );
}

/** The fields of a form part (under `form`) from its schema. */
export function SchemaFields({ schema, words, readOnly, hidden = [], custom = {} }: SchemaFieldsProps) {
  const { lang } = useI18n();
  const ctx: Ctx = { words, readOnly, lang, hidden: new Set(hidden), custom };
  return (
    <Row gutter={12}>
      <Nodes nodes={fieldsOf(schema)} base={['form']} prefix="" ctx={ctx} />
    </Row>
  );
}

/** The values without empty strings, null, undefined or empty groups, at every depth; strings trimmed. */
export function dropEmptyDeep(value: unknown): unknown {
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? undefined : s;
  }
  if (Array.isArray(value)) return value.map(dropEmptyDeep).filter((v) => v !== undefined);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const x = dropEmptyDeep(v);
      if (
        x !== undefined &&
        !(x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0)
      )
        out[k] = x;
    }
    return out;
  }
  return value === null ? undefined : value;
}
