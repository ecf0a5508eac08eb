-- Stored with every backup and run by every restore on the restored copy, before it goes live.
-- What was waiting to be sent when the backup was taken may have reached the customer since:
-- a restored tenant never sends it again by itself. Its messages show as failed, with this
-- reason, so the team sends them again by hand where needed; read receipts are dropped.
UPDATE messages m JOIN wa_outbox o ON o.message_id = m.id
SET m.status = 'failed', m.status_rank = 2, m.error_code = NULL,
    m.error_title = 'Restaurado de backup: não reenviado automaticamente',
    m.error_detail = 'Na fila quando o backup foi feito; pode ter chegado ao cliente depois.',
    m.updated_at = UTC_TIMESTAMP(6)
WHERE o.state = 'PENDING' AND o.kind = 'message' AND m.status_rank < 2;
UPDATE wa_outbox SET state = 'FAILED', lease_owner = NULL, last_error_code = NULL,
    last_error = 'Restaurado de backup: não reenviado automaticamente',
    updated_at = UTC_TIMESTAMP(6)
WHERE state = 'PENDING';
