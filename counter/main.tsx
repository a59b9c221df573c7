/**
 * The counter app: the clerk's console (`/counter/`, `/counter/<n>`) and the counter's rating
 * tablet (`/rate/<n>`), one built page served for both.
 */
// First: the functions older lobby browsers lack, before any module that calls them is run.
import '../client/legacy-polyfills.ts';
import { render } from 'preact';
import { createI18n } from '../client/i18n.ts';
import { storedLang } from './app-lang.ts';
import { ConsoleApp } from './console/console-app.tsx';
import { RatingApp } from './rating/rating-app.tsx';
import { routeOf } from './route.ts';
import { TextContext } from './text-context.ts';
import '../client/fonts.css';
import './counter.css';

const route = routeOf(location.pathname);
const lang = storedLang();
const i18n = createI18n(route.kind === 'rating' ? ['rating', 'counter'] : ['counter'], lang);
document.documentElement.lang = lang;
document.title = i18n.t(route.kind === 'rating' ? 'rating:title' : 'counter:title');
document.body.classList.add(route.kind === 'rating' ? 'app-rating' : 'app-console');

render(
  <TextContext.Provider value={{ t: i18n.t.bind(i18n), lang }}>
    {route.kind === 'rating' ? (
      <RatingApp i18n={i18n} counterId={route.counterId} />
    ) : (
      <ConsoleApp i18n={i18n} counterId={route.counterId} />
    )}
  </TextContext.Provider>,
  document.getElementById('app')!,
);
