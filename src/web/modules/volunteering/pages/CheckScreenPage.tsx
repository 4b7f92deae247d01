import { CloseOutlined, ExpandOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { QrImage } from '../components/QrImage';
import { SCREEN_REFRESH_MS } from '../constants';
import { timeRange } from '../format';
import type { Activity, CheckCode } from '../types';
import '../volunteering.css';

/** The QR code's side: as large as the screen allows, from a phone to a desk monitor. */
function qrSize(): number {
  return Math.max(200, Math.min(520, Math.floor(Math.min(window.innerWidth * 0.8, window.innerHeight * 0.48))));
}

/**
 * /volunteering/activities/:id/screen: the organiser's check-in screen for a desk or a tablet. The
 * QR code (and the 6-character code under it) changes every 30 s, so a photo of it is useless
 * later; members scan it or type the code. Keeps the screen awake where the browser allows.
 */
export function CheckScreenPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const activity = useApi<Activity>(`/volunteering/activities/${encodeURIComponent(id)}`);
  const code = useApi<CheckCode>(`/volunteering/activities/${encodeURIComponent(id)}/check-code`);
  const [now, setNow] = useState(() => Date.now());
  const [size, setSize] = useState(qrSize);
  const reload = code.reload;
  const refreshAt = code.data ? Date.parse(code.data.refreshAt) : null;

  // A new code when this one's window ends (or every 30 s if the server gave no time).
  useEffect(() => {
    const wait = refreshAt ? Math.min(SCREEN_REFRESH_MS, Math.max(1000, refreshAt - Date.now() + 200)) : SCREEN_REFRESH_MS;
    const timer = window.setTimeout(reload, wait);
    return () => window.clearTimeout(timer);
  }, [refreshAt, reload, code.error]);

  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    const onResize = () => setSize(qrSize());
    window.addEventListener('resize', onResize);
    return () => {
      window.clearInterval(tick);
      window.removeEventListener('resize', onResize);
    };
  }, []);

  useEffect(() => {
    let lock: { release: () => Promise<void> } | null = null;
    const wakeLock = (navigator as Navigator & { wakeLock?: { request: (type: 'screen') => Promise<{ release: () => Promise<void> }> } }).wakeLock;
    wakeLock?.request('screen').then(
      (l) => {
        lock = l;
      },
      () => undefined,
    );
    return () => {
      void lock?.release().catch(() => undefined);
    };
  }, []);

  const a = activity.data?.id === id ? activity.data : undefined;
  const c = code.data?.activityId === id ? code.data : undefined;
  const seconds = refreshAt ? Math.max(0, Math.ceil((refreshAt - now) / 1000)) : null;

  const close = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    void navigate(`/volunteering/activities/${encodeURIComponent(id)}`);
  };

  return (
    <div className="gj-vol-screen" role="dialog" aria-modal="true" aria-label={t('screen.title')} data-testid="check-screen">
      {a && (
        <div>
          <h1 className="gj-vol-screen__title">{a.title}</h1>
          <Typography.Text type="secondary">
            {timeRange(a.startsAt, a.endsAt, formatDateTime)} · {a.place}
          </Typography.Text>
        </div>
      )}
      {code.error && !c && <ErrorAlert error={code.error} onRetry={code.reload} />}
      {c ? (
        <>
          <QrImage svg={c.qrSvg} text={c.qrUrl} size={size} alt={t('screen.qrAlt')} data-testid="check-screen-qr" />
          <div className="gj-vol-code gj-vol-screen__code" data-testid="check-screen-code">
            {c.code}
          </div>
          <div className="gj-vol-screen__hint">{t('screen.hint')}</div>
          <Typography.Text type="secondary" data-testid="check-screen-countdown">
            {seconds !== null ? t('screen.refreshIn', { seconds }) : t('screen.refresh')}
          </Typography.Text>
        </>
      ) : (
        !code.error && <div style={{ width: size, height: size }} aria-busy="true" />
      )}
      <div className="gj-vol-screen__bar">
        {document.fullscreenEnabled && (
          <Button icon={<ExpandOutlined />} onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}>
            {t('screen.fullscreen')}
          </Button>
        )}
        <Button icon={<CloseOutlined />} onClick={close} data-testid="check-screen-close">
          {t('screen.close')}
        </Button>
      </div>
    </div>
  );
}
