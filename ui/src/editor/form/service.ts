import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { Level } from '../policy-shape.js';
import { type FormContext, labelText, textField } from './context.js';

/** Seed 004's service table (表1): per tier, the SLA targets and what the customer is entitled to. */
export function serviceSection(ctx: FormContext) {
  const levels = (ctx.policy.tiers?.levels ?? []).filter((l) => l.sla || l.entitlements);
  if (levels.length === 0) return nothing;
  return html`<section class="card" aria-labelledby="service-title">
    <h2 id="service-title">${msg('Service standard per tier', { id: 'editor.service.title' })}</h2>
    <div class="scroll"><table>
      <thead><tr>
        <th scope="col">${msg('Tier', { id: 'editor.tiers.tier' })}</th>
        <th scope="col">${msg('Response', { id: 'editor.service.response' })}</th>
        <th scope="col">${msg('Resolution', { id: 'editor.service.resolution' })}</th>
        <th scope="col">${msg('Team', { id: 'editor.service.team' })}</th>
        <th scope="col">${msg('Benefits', { id: 'editor.service.benefits' })}</th>
        <th scope="col">${msg('Discount quota', { id: 'editor.service.discount' })}</th>
        <th scope="col">${msg('Cadence', { id: 'editor.service.cadence' })}</th>
      </tr></thead>
      <tbody>${levels.map((level) => row(ctx, level))}</tbody>
    </table></div>
  </section>`;
}

function row(ctx: FormContext, level: Level) {
  const i = ctx.policy.tiers?.levels?.indexOf(level) ?? -1;
  const name = labelText(level.label, level.id);
  const response = level.sla?.response;
  const resolution = level.sla?.resolution;
  const e = level.entitlements;
  return html`<tr>
    <th scope="row">${name}</th>
    <td>${
      [response?.within, channelText(response?.channel), availabilityText(response?.availability)]
        .filter(Boolean)
        .join(' · ') || '—'
    }</td>
    <td>${
      resolution?.within !== undefined
        ? textField(
            ctx,
            ['tiers', 'levels', i, 'sla', 'resolution', 'within'],
            resolution.within,
            `${name}: ${msg('Resolution', { id: 'editor.service.resolution' })}`,
            8,
          )
        : '—'
    }${
      resolution?.onNonWorkingDays
        ? html`<div class="muted">${msg(str`${resolution.onNonWorkingDays} on non-working days`, { id: 'editor.service.nonWorking' })}</div>`
        : nothing
    }</td>
    <td>${list(e?.team?.map((t) => labelText(t.label, t.role)))}</td>
    <td>${list(e?.benefits?.map((b) => labelText(b.label, b.id)))}</td>
    <td>${e?.discountQuota ?? '—'}</td>
    <td>${list(e?.cadence?.map((c) => `${labelText(c.label, c.action)} ${c.every}`))}</td>
  </tr>`;
}

/** Channel and availability ids (the schema's enums) in the reader's language. */
function channelText(channel: string | undefined): string | undefined {
  const names: Record<string, string> = {
    phone: msg('phone', { id: 'editor.channel.phone' }),
    ticket: msg('ticket', { id: 'editor.channel.ticket' }),
    email: msg('email', { id: 'editor.channel.email' }),
    chat: msg('chat', { id: 'editor.channel.chat' }),
    'on-site': msg('on site', { id: 'editor.channel.onSite' }),
    portal: msg('portal', { id: 'editor.channel.portal' }),
  };
  return channel === undefined ? undefined : (names[channel] ?? channel);
}

function availabilityText(availability: string | undefined): string | undefined {
  if (availability === '24x7')
    return msg('24 hours a day, 7 days a week', { id: 'editor.availability.always' });
  if (availability === 'business-hours') return msg('business hours', { id: 'editor.availability.business' });
  return availability;
}

const list = (items: string[] | undefined) =>
  items && items.length > 0 ? html`<ul class="plain">${items.map((t) => html`<li>${t}</li>`)}</ul>` : '—';
