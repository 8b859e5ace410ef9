/** 查找最近的服务点 (public, no login): pick your 街道 and 社区 (or use your location) → the nearest legal-service points. Phone-first. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, List, Select, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { NearestQuery, type NearestResult, POINT_KINDS, POINT_SERVICES, type PointService } from '../../../common/contracts/legal-services';
import { get } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';

type Streets = { streets: { street: string; communities: { code: string; name: string }[] }[] };

export function PortalNearestPage() {
  const [street, setStreet] = useState<string | undefined>();
  const [community, setCommunity] = useState<string | undefined>();
  const [pos, setPos] = useState<{ lat: number; lng: number } | null>(null);
  const [service, setService] = useState<PointService | undefined>('legalAid');
  const [geoError, setGeoError] = useState<string | null>(null);
  const streets = useQuery({ queryKey: ['portal', 'legalService', 'communities'], queryFn: () => get<Streets>('/portal/legal-services/communities'), meta: { silent: true } });
  const origin = community ? { community } : pos ? { lat: pos.lat, lng: pos.lng } : null;
  const q = useQuery({ queryKey: ['portal', 'legalService', 'nearest', origin, service], queryFn: () => get<NearestResult>('/portal/legal-services/nearest', { ...origin, service, limit: 5 }), enabled: !!origin, meta: { silent: true } });
  const comms = streets.data?.streets.find((s) => s.street === street)?.communities ?? [];
  const locate = () => {
    setGeoError(null);
    if (!navigator.geolocation) return setGeoError('浏览器不支持定位，请选择社区');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        const here = { lat: p.coords.latitude, lng: p.coords.longitude };
        // The service points are in Beijing: a position outside the range the API accepts gets words, not a 400.
        if (!NearestQuery.safeParse(here).success) return setGeoError('您当前的位置不在本市服务范围内，无法按位置查找，请选择街道和社区');
        setCommunity(undefined);
        setPos(here);
      },
      () => setGeoError('无法获取您的位置（可能未允许定位），请选择街道和社区'),
      { timeout: 10_000 },
    );
  };
  const r = q.data;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader
        title="查找最近的服务点"
        description={
          <>
            选择您所在的街道和社区，查看离您最近的公共法律服务中心、工作站和服务室，以及是否在步行可达的公共法律服务圈内。法律咨询可拨打 <a href="tel:12348">12348</a>。
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form layout="vertical">
          <Form.Item label="需要的服务" htmlFor="nearest-service"><Select id="nearest-service" value={service} allowClear onChange={setService} options={Object.entries(POINT_SERVICES).map(([value, label]) => ({ value, label }))} aria-label="需要的服务" placeholder="全部服务" /></Form.Item>
          <Form.Item label="街道" htmlFor="nearest-street"><Select id="nearest-street" value={street} onChange={(v) => { setStreet(v); setCommunity(undefined); }} options={(streets.data?.streets ?? []).map((s) => ({ value: s.street, label: `${s.street}街道` }))} aria-label="街道" placeholder="请选择街道" /></Form.Item>
          <Form.Item label="社区" htmlFor="nearest-community" extra={street ? undefined : '请先选择街道'}><Select id="nearest-community" value={community} disabled={!street} onChange={(v) => { setCommunity(v); setPos(null); }} options={comms.map((c) => ({ value: c.code, label: c.name }))} aria-label="社区" placeholder="请选择社区" showSearch optionFilterProp="label" /></Form.Item>
          <Button onClick={locate}>使用我的位置</Button>
          {geoError && <Alert type="warning" showIcon role="alert" style={{ marginTop: 8 }} title={geoError} />}
        </Form>
      </Card>
      <ErrorAlert error={streets.error ?? q.error} />
      {q.isLoading && <Spin style={{ display: 'block', margin: '24px auto' }} aria-label="正在查找最近的服务点" />}
      {r && (
        <>
          <Alert
            type="info"
            showIcon
            role="status"
            style={{ marginBottom: 12 }}
            title={`从${r.origin.label}出发，步行 ${r.thresholdMinutes} 分钟内可到达的服务点有 ${r.data.filter((p) => p.within).length} 个`}
            description={`步行时间按步行速度 ${r.speedMPerMin} 米/分钟、绕行系数 ${r.detourFactor}（实际路程约为直线距离的 ${r.detourFactor} 倍）估算，仅供参考；坐标为演示数据。`}
          />
          <List
            aria-label="最近的服务点"
            dataSource={r.data}
            renderItem={(p, i) => (
              <List.Item data-testid="nearest-point">
                <List.Item.Meta
                  title={<Space wrap><span>{i + 1}. {p.name}</span><Tag color={p.within ? 'green' : 'orange'}>
                        步行约 {Math.round(p.walkMinutes)} 分钟{p.within ? `（${r.thresholdMinutes} 分钟服务圈内）` : ''}
                      </Tag></Space>}
                  description={
                    <>
                      <div>{POINT_KINDS[p.kind]} · {p.address}</div>
                      <div>
                        开放时间：{p.hours}
                        {p.phone ? (
                          <>
                            {' · 电话：'}
                            <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a>
                          </>
                        ) : null}
                      </div>
                      <div>约 {p.walkMetres} 米 · {p.services.map((s) => POINT_SERVICES[s]).join('、')}</div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
