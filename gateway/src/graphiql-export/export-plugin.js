// 导出 GraphiQL plugin: exports a list of the current result (a connection's nodes or any list of
// objects) to CSV or XLSX, with Chinese headers from the schema's field descriptions, paging
// through connections (endCursor) and code-keyset lists (after = last code) up to a row limit.
// Runs in the browser with the caller's own headers; XLSX by the exceljs browser build.
/* global GraphiQL, React, ExcelJS */
(() => {
  const { useEditorContext, useSchemaContext } = GraphiQL.React;
  const { parse, print, visit, getNamedType, isObjectType, Kind } = GraphiQL.GraphQL;
  const h = React.createElement;
  const DEFAULT_LIMIT = 5000;
  const MAX_LIMIT = 20000;

  /** Lists in the response: `path` of a connection's edges (nodes exported) or of a list of objects. */
  function findLists(data) {
    const lists = [];
    const walk = (value, path) => {
      if (Array.isArray(value)) {
        if (value.length && value.every((item) => item && typeof item === 'object' && !Array.isArray(item)))
          lists.push({ path, rows: value });
        return;
      }
      if (!value || typeof value !== 'object') return;
      if (Array.isArray(value.edges)) {
        lists.push({ path, rows: value.edges.map((edge) => edge.node), connection: true });
        return;
      }
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(data ?? {}, []);
    return lists;
  }

  /** First term of a description: the Chinese name the schema gives a field, else null. */
  const firstTerm = (description) => {
    const term = (description ?? '').trim().split(/\s/)[0];
    return term && /[\u4e00-\u9fff]/.test(term) ? term.replace(/[（(].*$/, '') : null;
  };

  /** The response key's field definitions along `path` from the operation's root (aliases resolved). */
  function fieldsAlong(schema, document, operationName, path) {
    const operation = document.definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
    );
    let type = schema.getQueryType();
    let selections = operation?.selectionSet.selections ?? [];
    let field;
    let selection;
    for (const key of path) {
      selection = selections.find((s) => s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === key);
      if (!selection || !isObjectType(type)) return null;
      field = type.getFields()[selection.name.value];
      if (!field) return null;
      type = getNamedType(field.type);
      selections = selection.selectionSet?.selections ?? [];
    }
    return { field, type, selection, operation };
  }

  /** Flat columns of the rows: nested objects as dotted keys, lists as their JSON. */
  function columns(rows, type, connection) {
    const itemType =
      connection && isObjectType(type) ? getNamedType(getNamedType(type.getFields().edges?.type).getFields?.().node?.type) : type;
    const keys = [];
    const labels = new Map();
    const visitRow = (row, prefix, currentType) => {
      for (const [key, value] of Object.entries(row ?? {})) {
        const field = isObjectType(currentType) ? currentType.getFields()[key] : undefined;
        const name = prefix ? `${prefix}.${key}` : key;
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          visitRow(value, name, field ? getNamedType(field.type) : undefined);
          continue;
        }
        if (!labels.has(name)) {
          keys.push(name);
          const parent = prefix ? labels.get(`${prefix}.`) : null;
          const term = firstTerm(field?.description) ?? key;
          labels.set(name, parent ? `${parent}·${term}` : term);
        }
      }
      if (prefix && !labels.has(`${prefix}.`)) labels.set(`${prefix}.`, prefix);
    };
    for (const row of rows) visitRow(row, '', itemType);
    return keys.map((key) => ({ key, header: labels.get(key) ?? key }));
  }

  const valueAt = (row, key) => {
    const value = key.split('.').reduce((object, part) => (object == null ? object : object[part]), row);
    if (value == null) return '';
    return Array.isArray(value) ? JSON.stringify(value) : value;
  };

  /** The operation with the list field's `after` argument set from the variable `$exportAfter`. */
  function withAfterVariable(document, operation, selection) {
    const query = visit(document, {
      OperationDefinition(node) {
        if (node !== operation) return undefined;
        return {
          ...node,
          variableDefinitions: [
            ...(node.variableDefinitions ?? []).filter((d) => d.variable.name.value !== 'exportAfter'),
            parse('query($exportAfter: String) { a }').definitions[0].variableDefinitions[0],
          ],
        };
      },
      Field(node) {
        if (node !== selection) return undefined;
        const after = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'after' },
          value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: 'exportAfter' } },
        };
        return { ...node, arguments: [...(node.arguments ?? []).filter((a) => a.name.value !== 'after'), after] };
      },
    });
    return print(query);
  }

  async function collect({ schema, queryText, variablesText, headersText, operationName, list, limit, onProgress }) {
    const document = parse(queryText);
    const found = fieldsAlong(schema, document, operationName, list.path);
    let rows = list.rows.slice(0, limit);
    const pageable = found && list.path.length === 1 && found.field.args.some((a) => a.name === 'after');
    if (!pageable) return { rows, found };
    const query = withAfterVariable(document, found.operation, found.selection);
    const variables = variablesText.trim() ? JSON.parse(variablesText) : {};
    const headers = headersText.trim() ? JSON.parse(headersText) : {};
    let response = list.response;
    while (rows.length < limit) {
      const key = list.path[0];
      let after = null;
      if (list.connection) {
        const page = response[key].pageInfo;
        if (!page?.hasNextPage || !page.endCursor) break;
        after = page.endCursor;
      } else {
        const last = response[key][response[key].length - 1];
        if (!last?.uscc) break;
        after = last.uscc;
      }
      const reply = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables: { ...variables, exportAfter: after }, operationName: operationName || undefined }),
      });
      const body = await reply.json();
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      response = body.data;
      const more = list.connection ? response[key].edges.map((e) => e.node) : response[key];
      if (!more.length) break;
      rows = rows.concat(more).slice(0, limit);
      onProgress(rows.length);
    }
    return { rows, found };
  }

  function download(blob, name) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.append(link);
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

  const csvCell = (value) => {
    const text = String(value);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };

  async function writeFile(format, name, cols, rows) {
    if (format === 'csv') {
      const lines = [
        cols.map((c) => csvCell(c.header)).join(','),
        ...rows.map((row) => cols.map((c) => csvCell(valueAt(row, c.key))).join(',')),
      ];
      // BOM: Excel opens UTF-8 CSV with Chinese headers correctly only with it.
      return download(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(name.slice(0, 31));
    sheet.columns = cols.map((c) => ({ header: c.header, key: c.key, width: Math.min(40, Math.max(10, c.header.length * 2)) }));
    for (const row of rows) sheet.addRow(Object.fromEntries(cols.map((c) => [c.key, valueAt(row, c.key)])));
    sheet.getRow(1).font = { bold: true };
    const buffer = await workbook.xlsx.writeBuffer();
    download(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${name}.xlsx`);
  }

  function ExportContent() {
    const editors = useEditorContext({ nonNull: true });
    const { schema } = useSchemaContext({ nonNull: true });
    const [status, setStatus] = React.useState('');
    const [limit, setLimit] = React.useState(DEFAULT_LIMIT);
    const [choice, setChoice] = React.useState(0);
    let response = null;
    try {
      response = JSON.parse(editors.responseEditor?.getValue() || 'null');
    } catch {
      response = null;
    }
    const lists = findLists(response?.data).map((list) => ({ ...list, response: response.data }));
    const run = async (format) => {
      const list = lists[choice];
      if (!list || !schema) return;
      try {
        setStatus('导出中 Exporting…');
        const { rows, found } = await collect({
          schema,
          queryText: editors.queryEditor.getValue(),
          variablesText: editors.variableEditor?.getValue() ?? '',
          headersText: editors.headerEditor?.getValue() ?? '',
          operationName: editors.queryEditor.operationName ?? null,
          list,
          limit: Math.min(MAX_LIMIT, Math.max(1, Number(limit) || DEFAULT_LIMIT)),
          onProgress: (count) => setStatus(`已取 ${count} 行 fetched ${count} rows…`),
        });
        const cols = columns(rows, found?.type, list.connection);
        await writeFile(format, list.path.join('.') || 'export', cols, rows);
        setStatus(`已导出 ${rows.length} 行 exported ${rows.length} rows`);
      } catch (error) {
        setStatus(`失败 Failed: ${error.message ?? error}`);
      }
    };
    return h(
      'div',
      { className: 'credit-hub-export' },
      h('div', { className: 'graphiql-doc-explorer-title' }, '导出 Export'),
      lists.length === 0
        ? h('p', null, '先运行一个返回列表的查询 Run a query that returns a list or connection first.')
        : h(
            'div',
            null,
            h(
              'p',
              null,
              h(
                'label',
                null,
                '列表 List ',
                h(
                  'select',
                  { value: choice, onChange: (e) => setChoice(Number(e.target.value)) },
                  lists.map((list, i) =>
                    h('option', { key: list.path.join('.'), value: i }, `${list.path.join('.')} (${list.rows.length})`),
                  ),
                ),
              ),
            ),
            h(
              'p',
              null,
              h(
                'label',
                null,
                '最多行数 Row limit ',
                h('input', { type: 'number', min: 1, max: MAX_LIMIT, value: limit, onChange: (e) => setLimit(e.target.value) }),
              ),
            ),
            h('p', null, '连接类型自动翻页 Connections and code-keyset lists are paged automatically.'),
            h('button', { type: 'button', className: 'graphiql-button', 'data-export': 'csv', onClick: () => run('csv') }, 'CSV'),
            ' ',
            h('button', { type: 'button', className: 'graphiql-button', 'data-export': 'xlsx', onClick: () => run('xlsx') }, 'XLSX'),
          ),
      h('p', { role: 'status', className: 'credit-hub-export-status' }, status),
    );
  }

  const icon = () =>
    h(
      'svg',
      { viewBox: '0 0 24 24', width: 20, height: 20, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true },
      h('path', { d: 'M12 3v12m0 0l-4-4m4 4l4-4M4 17v3h16v-3' }),
    );

  window.creditHubExportPlugin = { title: '导出 Export', icon, content: () => h(ExportContent) };
})();
