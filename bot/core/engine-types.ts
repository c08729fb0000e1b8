import type { Actor, EngineResult, InboundEvent } from './types';
import type { Reply } from '../../domain/messages';

/** The conversation engine as the platform adapters see it. */
export interface Engine {
  /** Handles one inbound event and returns what to say back to the same person. */
  handle(event: InboundEvent): Promise<EngineResult>;
  /** What a person sees on their home surface (Slack App Home, Teams personal tab): cards. */
  home(actor: Actor): Promise<Reply[]>;
  /** The first form step (or the step to resume) for the actor, e.g. to open a Slack modal at once. */
  openForm(actor: Actor): Promise<EngineResult>;
}
