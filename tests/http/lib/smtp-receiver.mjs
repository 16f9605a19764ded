// A tiny SMTP receiver for behaviour tests (node:net): accepts every message, decodes its headers (RFC 2047
// subject) and base64 body, and counts a message only once it answered 250 to it. While `holding` is set the
// 250s are held back until `release()`, so a test can kill the sender while a message is in flight, for as
// long as it takes on a busy machine (the message is then never accepted: its sender is gone).
import net from 'node:net';

/** "=?UTF-8?B?…?=" words (folded or not) back to text; other text stays. */
export function decodeHeader(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));
}

function parse(raw) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const body = rest.join('\r\n\r\n').replace(/\r\n\.\./g, '\r\n.');
  const text = /base64/i.test(headers['content-transfer-encoding'] ?? '')
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
  return { headers, subject: decodeHeader(headers.subject ?? ''), messageId: headers['message-id'], text, raw };
}

/** Starts a receiver on a free port of 127.0.0.1. */
export async function startSmtpReceiver() {
  const receiver = {
    port: 0,
    accepted: [], // parsed messages the receiver answered 250 to
    commands: [], // every command verb received (EHLO, MAIL, …), in order
    holding: false, // while true, each message waits for release() before its 250
    held: [],
    onData: null, // called with the parsed message when its DATA ends (before the 250)
    sockets: new Set(),
    /** Stops holding and answers the held messages whose senders are still connected. */
    release() {
      receiver.holding = false;
      for (const accept of receiver.held.splice(0)) accept();
    },
    async close() {
      for (const s of receiver.sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = net.createServer((socket) => {
    receiver.sockets.add(socket);
    let closed = false;
    socket.on('close', () => {
      closed = true;
      receiver.sockets.delete(socket);
    });
    socket.on('error', () => {});
    socket.setEncoding('latin1');
    let buffer = '';
    let inData = false;
    let envelope = { from: '', to: [] };
    const reply = (line) => !closed && socket.write(`${line}\r\n`);
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          const atStart = buffer.startsWith('.\r\n');
          if (end < 0 && !atStart) return;
          const raw = atStart ? '' : buffer.slice(0, end);
          buffer = atStart ? buffer.slice(3) : buffer.slice(end + 5);
          inData = false;
          const message = { ...parse(Buffer.from(raw, 'latin1').toString('latin1')), envelope };
          envelope = { from: '', to: [] };
          receiver.onData?.(message);
          const accept = () => {
            if (closed) return; // the sender is gone: the message was never accepted
            receiver.accepted.push(message);
            reply('250 2.0.0 accepted');
          };
          if (receiver.holding) receiver.held.push(accept);
          else accept();
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        receiver.commands.push(verb);
        if (verb === 'EHLO') reply('250-receiver\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 receiver');
        else if (verb === 'MAIL') (envelope.from = line.slice(10)), reply('250 2.1.0 ok');
        else if (verb === 'RCPT') envelope.to.push(line.slice(8)), reply('250 2.1.5 ok');
        else if (verb === 'DATA') (inData = true), reply('354 go ahead');
        else if (verb === 'QUIT') reply('221 bye'), socket.end();
        else reply('250 ok');
      }
    });
    reply('220 receiver ESMTP test');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = server.address().port;
  return receiver;
}
