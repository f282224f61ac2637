/** Strings of the worklist added with the by-age register, scope, export and paging. [zh, en] */
export const worklist = {
  'wl.tab.check_missing': ['本年未体检', 'No health check this year'],
  'wl.col.address': ['住址', 'Address'],
  'wl.col.lastCheck': ['上次体检', 'Last health check'],
  'wl.col.dueService': ['应做服务（时间窗）', 'Due (window)'],
  'wl.recordDue': ['登记', 'Record'],
  'wl.col.checkDue': ['应体检日期', 'Check due'],
  'wl.noCheck': ['未体检', 'None'],
  'wl.mine': ['我的患者', 'My patients'],
  'wl.township': ['乡镇', 'Township'],
  'wl.allTownships': ['全部乡镇', 'All townships'],
  'wl.export': ['导出Excel', 'Export to Excel'],
  'wl.exported': ['已导出 {file}', 'Exported {file}'],
  'wl.loadMore': ['加载更多（已显示 {shown} / {total}）', 'Load more ({shown} of {total} shown)'],
  'wl.openRecord': ['打开档案', 'Open record'],
  'wl.printMine': ['（{name}的患者）', ' ({name}’s patients)'],
} as const satisfies Record<string, readonly [string, string]>;
