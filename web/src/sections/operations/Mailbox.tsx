import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { type ApiData, api, call } from '../../app/api';
import { formatTime } from '../../app/ui';
import { keys, OpsQueryView, refreshMs } from './access';

type Mail = ApiData<'/v1/admin/mailbox'>['items'][number];

/**
 * The built-in mailbox: mail Meridian sent while no SMTP_URL is set, newest first; a message
 * opens beside the list (`/mailbox/<id>`).
 */
export function Mailbox() {
  const { id } = useParams<{ id?: string }>();
  const mailbox = useInfiniteQuery({
    queryKey: keys.mailbox,
    queryFn: ({ pageParam }) =>
      call(api.GET('/v1/admin/mailbox', { params: { query: { limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    refetchInterval: refreshMs,
  });
  const mails = mailbox.data?.pages.flatMap((page) => page.items) ?? [];
  const open = mails.find((mail) => mail.id === id);
  return (
    <>
      <h1 id="mailbox-title">Mailbox</h1>
      <p className="muted">
        Mail Meridian sent while no <code>SMTP_URL</code> is configured is kept here instead.
      </p>
      <OpsQueryView
        query={mailbox}
        empty="No mail kept: nothing sent yet, or an SMTP server is configured."
        isEmpty={() => mails.length === 0}
      >
        {() => (
          <div className="ops-mailbox">
            <div>
              <MailList mails={mails} openId={id} />
              {mailbox.hasNextPage && (
                <button
                  type="button"
                  className="secondary"
                  disabled={mailbox.isFetchingNextPage}
                  onClick={() => void mailbox.fetchNextPage()}
                >
                  Load more
                </button>
              )}
            </div>
            {id && <MailReader mail={open} />}
          </div>
        )}
      </OpsQueryView>
    </>
  );
}

function MailList({ mails, openId }: { mails: Mail[]; openId: string | undefined }) {
  return (
    <ul className="plain" aria-labelledby="mailbox-title">
      {mails.map((mail) => (
        <li key={mail.id} className={mail.id === openId ? 'ops-open' : ''}>
          <Link href={`/mailbox/${mail.id}`} aria-current={mail.id === openId ? 'page' : undefined}>
            {mail.subject || '(no subject)'}
          </Link>
          <small className="ops-note">
            To {mail.to_address}, {formatTime(mail.created_at)}
          </small>
        </li>
      ))}
    </ul>
  );
}

function MailReader({ mail }: { mail: Mail | undefined }) {
  if (!mail) {
    return (
      <p className="empty" role="alert">
        This message is not among those loaded: it may be older, or no longer kept.
      </p>
    );
  }
  return (
    <article className="card" aria-labelledby="mail-subject">
      <h2 id="mail-subject">{mail.subject || '(no subject)'}</h2>
      <dl className="ops-fields">
        <dt>From</dt>
        <dd>{mail.from_address}</dd>
        <dt>To</dt>
        <dd>{mail.to_address}</dd>
        <dt>Sent</dt>
        <dd>{formatTime(mail.created_at)}</dd>
      </dl>
      <pre className="ops-body">{mail.text_body}</pre>
    </article>
  );
}
