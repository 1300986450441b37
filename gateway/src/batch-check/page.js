// 批量核查 Upload page: posts the file, polls the job's progress, offers the workbook.
const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'insights:token';
$('token').value = localStorage.getItem(TOKEN_KEY) ?? '';

const headers = () => {
  const token = $('token')
    .value.trim()
    .replace(/^Bearer\s+/i, '');
  return token ? { authorization: `Bearer ${token}` } : {};
};
const say = (text) => {
  $('status').textContent = text;
};

$('start').addEventListener('click', async () => {
  const file = $('file').files[0];
  if (!file) return say('请选择文件 Choose a file');
  if ($('token').value.trim()) localStorage.setItem(TOKEN_KEY, $('token').value.trim());
  $('download').hidden = true;
  $('progress').value = 0;
  const started = await fetch('/batch-check', { method: 'POST', headers: headers(), body: file });
  const body = await started.json();
  if (!started.ok) return say(`失败 Failed: ${body.error}`);
  say(`核查 ${body.total} 行 Checking ${body.total} rows…`);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const status = await (await fetch(`/batch-check/status?job=${body.job}`, { headers: headers() })).json();
    $('progress').value = status.progress ?? 0;
    if (status.state === 'failed' || status.error) return say(`失败 Failed: ${status.error}`);
    if (status.state === 'done') break;
  }
  const result = await fetch(`/batch-check/result?job=${body.job}`, { headers: headers() });
  $('download').href = URL.createObjectURL(await result.blob());
  $('download').hidden = false;
  say(`完成 Done: ${body.total} 行 rows`);
});
