// A shop's API tokens: create (the secret shown once), see when each was last used, revoke.
import { useState, type FormEvent } from 'react';
import { useApp } from '../app/context.tsx';
import { formatDate } from '../app/i18n.ts';
import type { PageModule } from '../app/router.ts';
import { formValues, useSubmit } from '../app/use-submit.ts';
import { Empty, FormError, PageTitle, TextField } from '../components/ui.tsx';
import { ShopNav } from './shared.tsx';
import '../messages/seller.ts';

interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const tokensPage: PageModule<ApiToken[]> = {
  access: 'user',
  load: ({ api, params }) => api.get(`/sellers/${params.sellerId}/api-tokens`),
  head: (_d, { t }) => ({ title: t('tokens.title'), noindex: true }),
  Page({ data, params }) {
    const { t, api, locale } = useApp();
    const [tokens, setTokens] = useState(data);
    const [secret, setSecret] = useState<string | null>(null);
    const { errors, formError, pending, run } = useSubmit();
    const base = `/sellers/${params.sellerId}/api-tokens`;
    const create = async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const made = await run(() =>
        api.send<{ token: ApiToken; secret: string }>('POST', base, { name: formValues(form).name ?? '' }),
      );
      if (made) {
        setTokens([made.token, ...tokens]);
        setSecret(made.secret);
        form.reset();
      }
    };
    const revoke = async (id: string) => {
      const done = await run(() => api.send('DELETE', `${base}/${id}`));
      if (done !== undefined) setTokens(await api.get<ApiToken[]>(base));
    };
    return (
      <>
        <ShopNav sellerId={params.sellerId} current="tokens" />
        <PageTitle>{t('tokens.title')}</PageTitle>
        <p>{t('tokens.intro')}</p>
        <form onSubmit={create} className="inline-form" noValidate>
          <TextField label={t('tokens.name')} name="name" required error={errors.name} />
          <button type="submit" className="primary" disabled={pending}>
            {t('tokens.create')}
          </button>
        </form>
        <FormError message={formError} />
        {secret ? (
          <div className="notice" role="status">
            <p>{t('tokens.created')}</p>
            <p className="secret">{secret}</p>
          </div>
        ) : null}
        {tokens.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('tokens.name')}</th>
                  <th scope="col">{t('common.date')}</th>
                  <th scope="col">{t('tokens.lastUsed')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((k) => (
                  <tr key={k.id}>
                    <td>
                      {k.name} <span className="muted">({k.prefix}…)</span>
                    </td>
                    <td>{formatDate(k.createdAt, locale)}</td>
                    <td>{k.lastUsedAt ? formatDate(k.lastUsedAt, locale) : t('tokens.never')}</td>
                    <td>
                      {k.revokedAt ? (
                        t('tokens.revoked')
                      ) : (
                        <button type="button" className="danger" onClick={() => void revoke(k.id)}>
                          {t('tokens.revoke')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>{t('tokens.empty')}</Empty>
        )}
      </>
    );
  },
};
