/**
 * Troubleshoot: the code knowledge base, "explain a log", the paymentSessionData decoder and the
 * signature lab. The knowledge base and the decoder run in the page; the log explainer and the
 * lab ask main (journal IDs, real RSA).
 */
import { useRouteParam } from '../../app/router';
import { DashboardPage } from '../../components/dashboard-page';
import { ExplainLog } from './explain-log';
import { KnowledgeSearch } from './knowledge-search';
import { SessionDataDecoder } from './session-data-decoder';
import { SignatureLab } from './signature-lab';
import '../../components/log-layout.css';
import './troubleshoot.css';

export default function TroubleshootPage() {
  const notification = Number(useRouteParam('notification'));
  const notificationId = Number.isInteger(notification) && notification > 0 ? notification : undefined;
  return (
    <DashboardPage title="Troubleshoot" purpose="Explain codes, logs and signatures" className="troubleshoot-page">
      <nav aria-label="Troubleshoot sections" className="row small">
        <a href="#signature-lab-section" onClick={(e) => { e.preventDefault(); document.getElementById('signature-lab-section')?.scrollIntoView(); }}>Signature lab</a>
        <a href="#explain-log-section" onClick={(e) => { e.preventDefault(); document.getElementById('explain-log-section')?.scrollIntoView(); }}>Explain a log</a>
        <a href="#session-data-section" onClick={(e) => { e.preventDefault(); document.getElementById('session-data-section')?.scrollIntoView(); }}>Decode paymentSessionData</a>
        <a href="#knowledge-section" onClick={(e) => { e.preventDefault(); document.getElementById('knowledge-section')?.scrollIntoView(); }}>Code knowledge base</a>
      </nav>
      {notificationId !== undefined ? (
        <div id="signature-lab-section"><SignatureLab notificationId={notificationId} /></div>
      ) : null}
      <div id="explain-log-section"><ExplainLog /></div>
      <div id="session-data-section"><SessionDataDecoder /></div>
      <div id="knowledge-section"><KnowledgeSearch /></div>
      {notificationId === undefined ? (
        <div id="signature-lab-section"><SignatureLab notificationId={undefined} /></div>
      ) : null}
    </DashboardPage>
  );
}
