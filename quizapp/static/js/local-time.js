// Times come from the server in UTC: it does not know where the learner is. Each
// <time data-local> is shown in the browser's own zone and language instead; without
// script, the UTC text stays, and with it the UTC time remains on hover.
const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
for (const time of document.querySelectorAll("time[data-local]")) {
  const when = new Date(time.dateTime);
  if (Number.isNaN(when.getTime())) continue;
  time.title = time.textContent;
  time.textContent = localFormat.format(when);
}
