/**
 * The call display: `/display/` (lobby board), `/display/counter/<n>` (counter-top board);
 * query options in display/README.md. Public and read-only: no pairing is needed to show a
 * board, but a paired display's cookie goes with its connection when it has one.
 */
// First: the functions older lobby browsers lack, before any module that calls them is run.
import '../client/legacy-polyfills.ts';
import { render } from 'preact';
import { connect } from '../client/connection.ts';
import { createI18n } from '../client/i18n.ts';
import { whoThisAppIs } from '../client/app-identity.ts';
import { parseBoardRoute } from './board-route.ts';
import { BoardTextContext } from './board-text.ts';
import { createBoardVoice } from './board-voice.ts';
import { startBoardReport } from './board-report.ts';
import { DisplayApp } from './display-app.tsx';
import '../client/fonts.css';
import { VoiceHealth } from '../client/voice/voice-health.ts';
import './display.css';
import './counter-board.css';

async function start(root: HTMLElement): Promise<void> {
  const parsed = parseBoardRoute(location.pathname, location.search);
  const lang = parsed.ok ? parsed.route.lang : 'vi';
  const i18n = createI18n(['display', 'voice'], lang);
  document.documentElement.lang = lang;
  document.title = i18n.t('title');
  const text = { t: i18n.t.bind(i18n), lang };
  if (!parsed.ok) {
    render(<p class="board-message board-message--error">{i18n.t('route.bad', { param: parsed.problem.param })}</p>, root);
    return;
  }
  // Asked before connecting: a display paired on an older build hands its stored token over, and
  // a paired display's cookie is set again (its answer, or none, changes nothing of the board).
  await whoThisAppIs('display', lang);
  const connection = connect({ app: 'display', lang, reloadOnUpgrade: true });
  const health = new VoiceHealth();
  const voice = await createBoardVoice(parsed.route, health);
  startBoardReport(connection, health, `${location.pathname}${location.search}`.slice(0, 300));
  render(
    <BoardTextContext.Provider value={text}>
      <DisplayApp connection={connection} route={parsed.route} voice={voice} />
    </BoardTextContext.Provider>,
    root,
  );
}

void start(document.getElementById('app')!);
